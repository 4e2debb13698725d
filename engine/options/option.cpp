// SPDX-License-Identifier: Apache-2.0
#include "options/option.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/edit_distance.hpp"
#include "inputs/crime_types.hpp"

namespace hotspot {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

[[noreturn]] void fail(const OptionSpec& spec, const std::string& written, const std::string& reason) {
  throw OptionError(spec.qualified(), written, reason);
}

std::string number_text(double v) { return fmt::format("{}", v); }

std::optional<double> text_number(const std::string& t) {
  double v = 0;
  const char* end = t.data() + t.size();
  const auto r = std::from_chars(t.data(), end, v);
  if (t.empty() || r.ec != std::errc() || r.ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

double number_of(const OptionSpec& spec, const RawValue& raw) {
  if (raw.form == RawValue::Form::number) {
    if (!std::isfinite(raw.number)) fail(spec, raw.text, "must be a finite number");
    return raw.number;
  }
  if (raw.form == RawValue::Form::integer) return static_cast<double>(raw.integer);
  if (raw.form == RawValue::Form::text) {
    if (const auto v = text_number(raw.text)) return *v;
  }
  fail(spec, raw.text, "must be a number" + std::string(spec.unit.empty() ? "" : " of " + spec.unit));
}

void check_range(const OptionSpec& spec, double v, const std::string& written) {
  const bool low = spec.min && (spec.min_open ? !(v > *spec.min) : !(v >= *spec.min));
  const bool high = spec.max && (spec.max_open ? !(v < *spec.max) : !(v <= *spec.max));
  if (low || high) fail(spec, written, "must be " + constraint_text(spec));
}

int64_t whole_of(const OptionSpec& spec, const RawValue& raw) {
  if (raw.form == RawValue::Form::integer) return raw.integer;
  if (raw.form == RawValue::Form::text) {
    int64_t v = 0;
    const char* end = raw.text.data() + raw.text.size();
    const auto r = std::from_chars(raw.text.data(), end, v);
    if (!raw.text.empty() && r.ec == std::errc() && r.ptr == end) return v;
    if (r.ec == std::errc::result_out_of_range) fail(spec, raw.text, "out of the 64-bit range");
  }
  fail(spec, raw.text, "must be a whole number");
}

std::string text_of(const OptionSpec& spec, const RawValue& raw) {
  if (raw.form != RawValue::Form::text) fail(spec, raw.text, "must be a string");
  return raw.text;
}

void check_choice(const OptionSpec& spec, const std::string& v) {
  if (spec.choices.empty() || std::find(spec.choices.begin(), spec.choices.end(), v) != spec.choices.end()) return;
  fail(spec, v, "must be one of " + join(spec.choices, ", ") + suggestion(v, spec.choices));
}

// The items of a list: a config list, or one value, split at commas when `commas`.
std::vector<RawValue> items_of(const RawValue& raw, bool commas) {
  if (raw.form == RawValue::Form::list) return raw.items;
  if (raw.form != RawValue::Form::text || !commas) return {raw};
  std::vector<RawValue> out;
  for (auto& item : split_commas(raw.text)) out.push_back(RawValue::of_text(std::move(item)));
  return out;
}

std::string bandwidth_of(const OptionSpec& spec, const RawValue& raw) {
  const std::string reason = "must be \"auto\" or a positive number of metres";
  if (raw.form == RawValue::Form::text && raw.text == "auto") return "auto";
  if (raw.form == RawValue::Form::text && !text_number(raw.text)) fail(spec, raw.text, reason);
  if (raw.form == RawValue::Form::boolean || raw.form == RawValue::Form::list) fail(spec, raw.text, reason);
  const double v = number_of(spec, raw);
  if (!(v > 0)) fail(spec, raw.text, reason);
  return raw.form == RawValue::Form::text ? raw.text : number_text(v);
}

std::string recency_of(const OptionSpec& spec, const RawValue& raw) {
  const std::string reason = "must be \"none\", \"auto\" or a positive number of months";
  if (raw.form == RawValue::Form::text && (raw.text == "auto" || raw.text == "none")) return raw.text;
  if (raw.form == RawValue::Form::text && !text_number(raw.text)) fail(spec, raw.text, reason);
  if (raw.form == RawValue::Form::boolean || raw.form == RawValue::Form::list) fail(spec, raw.text, reason);
  const double v = number_of(spec, raw);
  if (!(v > 0)) fail(spec, raw.text, reason);
  return raw.form == RawValue::Form::text ? raw.text : number_text(v);
}

}  // namespace

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

Value parse_value(const OptionSpec& spec, const RawValue& raw) {
  Value out;
  out.written = raw.text;
  switch (spec.kind) {
    case Kind::text:
    case Kind::path: {
      const std::string t = text_of(spec, raw);
      check_choice(spec, t);
      out.v = t;
      break;
    }
    case Kind::texts:
    case Kind::paths: {
      std::vector<std::string> list;
      for (const RawValue& item : items_of(raw, spec.kind == Kind::texts)) {
        list.push_back(text_of(spec, item));
        check_choice(spec, list.back());
      }
      out.v = list;
      break;
    }
    case Kind::number: {
      const double v = number_of(spec, raw);
      check_range(spec, v, raw.text);
      out.v = v;
      break;
    }
    case Kind::numbers:
    case Kind::extent: {
      std::vector<double> list;
      for (const RawValue& item : items_of(raw, true)) {
        list.push_back(number_of(spec, item));
        check_range(spec, list.back(), item.text);
      }
      if (spec.kind == Kind::extent &&
          (list.size() != 4 || !(list[2] > list[0] && list[3] > list[1]))) {
        fail(spec, raw.text, "give xmin,ymin,xmax,ymax in EPSG:27700 metres, with xmin < xmax and ymin < ymax");
      }
      if (list.empty()) fail(spec, raw.text, "name at least one number");
      out.v = list;
      break;
    }
    case Kind::whole: {
      const int64_t v = whole_of(spec, raw);
      check_range(spec, static_cast<double>(v), raw.text);
      out.v = v;
      break;
    }
    case Kind::flag:
      if (raw.form == RawValue::Form::boolean) {
        out.v = raw.boolean;
      } else if (raw.form == RawValue::Form::text && (raw.text == "true" || raw.text == "false")) {
        out.v = raw.text == "true";
      } else {
        fail(spec, raw.text, "must be true or false");
      }
      break;
    case Kind::month: {
      const std::string t = text_of(spec, raw);
      if (!parse_month(t)) fail(spec, t, "not a month YYYY-MM");
      out.v = t;
      break;
    }
    case Kind::date: {
      const std::string t = text_of(spec, raw);
      if (!parse_iso_date(t)) fail(spec, t, "not a date YYYY-MM-DD");
      out.v = t;
      break;
    }
    case Kind::bandwidth:
      out.v = bandwidth_of(spec, raw);
      break;
    case Kind::recency:
      out.v = recency_of(spec, raw);
      break;
    case Kind::bandwidths: {
      std::vector<std::string> list;
      for (const RawValue& item : items_of(raw, true)) list.push_back(bandwidth_of(spec, item));
      out.v = list;
      break;
    }
  }
  return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  size_t best_d = 0;
  for (const auto& k : known) {
    const size_t dist = static_cast<size_t>(edit_distance(word, k, static_cast<int>(std::max(word.size(), k.size()))));
    if (best.empty() || dist < best_d) {
      best = k;
      best_d = dist;
    }
  }
  // A plausible slip: at most a third of the word's letters, and at least one letter in common.
  return !best.empty() && best_d > 0 && best_d <= std::max<size_t>(1, word.size() / 3) ? best : "";
}

std::string suggestion(const std::string& word, const std::vector<std::string>& known) {
  const std::string s = did_you_mean(word, known);
  return s.empty() ? "" : " (did you mean '" + s + "'?)";
}

std::string kind_label(Kind kind) {
  switch (kind) {
    case Kind::text: return "string";
    case Kind::texts: return "string or list of strings";
    case Kind::number: return "number";
    case Kind::numbers: return "number or list of numbers";
    case Kind::whole: return "whole number";
    case Kind::flag: return "true/false";
    case Kind::month: return "string `YYYY-MM`";
    case Kind::date: return "string `YYYY-MM-DD`";
    case Kind::bandwidth: return "`\"auto\"` or number";
    case Kind::bandwidths: return "list of `\"auto\"` or numbers";
    case Kind::recency: return "`\"none\"`, `\"auto\"` or number";
    case Kind::extent: return "list of 4 numbers";
    case Kind::path: return "path";
    case Kind::paths: return "path or list of paths";
  }
  return "";
}

std::string constraint_text(const OptionSpec& spec) {
  const std::string unit = spec.unit.empty() || spec.unit == "share" ? "" : " " + spec.unit;
  if (spec.min && spec.max) {
    return fmt::format("in {}{}, {}{}{}", spec.min_open ? "(" : "[", number_text(*spec.min), number_text(*spec.max),
                       spec.max_open ? ")" : "]", unit);
  }
  if (spec.min) return fmt::format("{} {}{}", spec.min_open ? ">" : ">=", number_text(*spec.min), unit);
  if (spec.max) return fmt::format("{} {}{}", spec.max_open ? "<" : "<=", number_text(*spec.max), unit);
  if (!spec.choices.empty()) return "one of " + join(spec.choices, ", ");
  return "";
}

}  // namespace hotspot
