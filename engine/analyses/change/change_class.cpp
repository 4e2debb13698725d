// SPDX-License-Identifier: Apache-2.0
#include "analyses/change/change_class.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hotspot {

std::string to_string(ChangeClass c) {
  switch (c) {
    case ChangeClass::new_hotspot: return "new";
    case ChangeClass::persistent: return "persistent";
    case ChangeClass::intensifying: return "intensifying";
    case ChangeClass::diminishing: return "diminishing";
    case ChangeClass::ceased: return "ceased";
  }
  return "";
}

std::vector<std::pair<std::string, uint64_t>> count_classes(const std::vector<ChangeClass>& classes) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (ChangeClass c : {ChangeClass::new_hotspot, ChangeClass::persistent, ChangeClass::intensifying,
                        ChangeClass::diminishing, ChangeClass::ceased}) {
    out.emplace_back(to_string(c), static_cast<uint64_t>(std::count(classes.begin(), classes.end(), c)));
  }
  return out;
}

double binomial_two_sided_p(uint64_t k, uint64_t n, double p) {
  if (n == 0) return 1.0;
  if (p <= 0) return k == 0 ? 1.0 : 0.0;
  if (p >= 1) return k == n ? 1.0 : 0.0;
  const double nn = static_cast<double>(n);
  const auto log_pmf = [&](uint64_t x) {
    const double xx = static_cast<double>(x);
    return std::lgamma(nn + 1) - std::lgamma(xx + 1) - std::lgamma(nn - xx + 1) + xx * std::log(p) +
           (nn - xx) * std::log1p(-p);
  };
  const double observed = log_pmf(k);
  const double limit = observed + std::log1p(1e-7);
  double total = 0;
  for (uint64_t x = 0; x <= n; ++x) {
    const double l = log_pmf(x);
    if (l <= limit) total += std::exp(l);
  }
  return std::min(1.0, total);
}

Change classify_change(const PeriodCounts& c, double previous_months, double current_months, const ChangeRule& rule) {
  if (!c.hot_previous && !c.hot_current) throw std::invalid_argument("classify_change: the place is hot in neither period");
  if (!(previous_months > 0) || !(current_months > 0)) throw std::invalid_argument("classify_change: empty period");
  Change out;
  const double before = static_cast<double>(c.previous) / previous_months, now = static_cast<double>(c.current) / current_months;
  if (c.previous > 0) out.rate_change = (now - before) / before;
  out.p_value = binomial_two_sided_p(c.current, c.previous + c.current, current_months / (previous_months + current_months));
  if (!c.hot_previous) {
    out.change = ChangeClass::new_hotspot;
  } else if (!c.hot_current) {
    out.change = ChangeClass::ceased;
  } else if (out.p_value <= rule.alpha && now >= before * (1 + rule.threshold) && now > before) {
    out.change = ChangeClass::intensifying;
  } else if (out.p_value <= rule.alpha && now <= before * (1 - rule.threshold) && now < before) {
    out.change = ChangeClass::diminishing;
  } else {
    out.change = ChangeClass::persistent;
  }
  return out;
}

}  // namespace hotspot
