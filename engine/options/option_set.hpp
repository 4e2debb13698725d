// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "core/bandwidth.hpp"
#include "core/extent.hpp"
#include "inputs/crime_types.hpp"
#include "options/option.hpp"

namespace hotspot {

// The options of one parameter struct P, each declared once with the member it sets: a
// declaration is an OptionSpec plus a function that returns a reference to the member, e.g.
//   set.add({.section = "kde", .key = "cell", .flag = "--cell", .kind = Kind::number, .unit = "m",
//            .min = 0, .min_open = true, .help = "Cell size"}, [](KdeParams& p) -> auto& { return p.cell_m; });
// The default shown in --help and the docs is the member's value in a default-made P.
template <class P>
class OptionSet {
 public:
  using Setter = std::function<void(P&, const Value&)>;
  struct Entry {
    OptionSpec spec;
    Setter set;
  };

  template <class Access>
  OptionSpec& add(OptionSpec spec, Access access) {
    if (spec.default_text.empty() && !spec.required) {
      const auto defaults = std::make_unique<P>();  // value-initialised (GCC 12 misreads a local P{} as uninitialised)
      spec.default_text = shown(access(*defaults));
    }
    entries_.push_back({std::move(spec), [access](P& p, const Value& v) { assign(access(p), v); }});
    return entries_.back().spec;
  }

  // An option whose value needs more than an assignment (several members, a conversion).
  OptionSpec& add_custom(OptionSpec spec, Setter set) {
    entries_.push_back({std::move(spec), std::move(set)});
    return entries_.back().spec;
  }

  const std::vector<Entry>& entries() const { return entries_; }

  std::vector<const OptionSpec*> specs() const {
    std::vector<const OptionSpec*> out;
    for (const auto& e : entries_) out.push_back(&e.spec);
    return out;
  }

  // Sets the option with this qualified key; false when there is none.
  bool set(P& p, const std::string& qualified, const Value& v) const {
    for (const auto& e : entries_) {
      if (e.spec.qualified() == qualified) {
        try {
          e.set(p, v);
        } catch (const OptionError& error) {  // a member's own range (an int)
          throw OptionError(qualified, v.written, error.reason);
        }
        return true;
      }
    }
    return false;
  }

  template <class T>
  static void assign(T& target, const Value& v) {
    if constexpr (std::is_same_v<T, bool>) {
      target = std::get<bool>(v.v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      target = std::get<std::string>(v.v);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      target = std::holds_alternative<std::string>(v.v) ? std::vector<std::string>{std::get<std::string>(v.v)}
                                                         : std::get<std::vector<std::string>>(v.v);
    } else if constexpr (std::is_same_v<T, std::vector<double>>) {
      target = std::get<std::vector<double>>(v.v);
    } else if constexpr (std::is_same_v<T, std::vector<Bandwidth>>) {  // Kind::bandwidths
      target.clear();
      for (const auto& b : std::get<std::vector<std::string>>(v.v)) target.push_back(Bandwidth::of_text(b));
    } else if constexpr (std::is_same_v<T, std::optional<Extent>>) {
      const auto& e = std::get<std::vector<double>>(v.v);
      target = Extent{e[0], e[1], e[2], e[3]};
    } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::optional<double>>) {
      target = std::get<double>(v.v);
    } else if constexpr (std::is_integral_v<T>) {
      if (const auto* month = std::get_if<std::string>(&v.v)) {  // Kind::month: YYYYMM
        target = static_cast<T>(parse_month(*month));
        return;
      }
      const int64_t n = std::get<int64_t>(v.v);
      if ((std::is_unsigned_v<T> && n < 0) || (!std::is_unsigned_v<T> && n < static_cast<int64_t>(std::numeric_limits<T>::min())) ||
          (sizeof(T) < sizeof(int64_t) && n > static_cast<int64_t>(std::numeric_limits<T>::max()))) {
        throw OptionError("", v.written, "out of range");
      }
      target = static_cast<T>(n);
    } else {
      static_assert(sizeof(T) == 0, "no conversion from an option value to this member type");
    }
  }

 private:
  template <class T>
  static std::string shown(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      return value ? "true" : "false";
    } else if constexpr (std::is_same_v<T, std::string>) {
      return value;
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      std::string out;
      for (const auto& s : value) out += (out.empty() ? "" : ", ") + s;
      return out;
    } else if constexpr (std::is_same_v<T, std::vector<double>>) {
      std::string out;
      for (double d : value) out += (out.empty() ? "" : ", ") + fmt::format("{}", d);
      return out;
    } else if constexpr (std::is_same_v<T, std::vector<Bandwidth>>) {
      std::string out;
      for (const Bandwidth& b : value) out += (out.empty() ? "" : ", ") + b.text();
      return out;
    } else if constexpr (std::is_same_v<T, std::optional<double>> || std::is_same_v<T, std::optional<Extent>>) {
      return "";
    } else {
      return fmt::format("{}", value);
    }
  }

  std::vector<Entry> entries_;
};

}  // namespace hotspot
