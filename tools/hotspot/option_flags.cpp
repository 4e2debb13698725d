// SPDX-License-Identifier: Apache-2.0
#include "option_flags.hpp"

#include "core/errors.hpp"
#include "options/option_docs.hpp"

namespace hotspot::cli {
namespace {

bool is_list(Kind k) {
  return k == Kind::texts || k == Kind::paths || k == Kind::numbers || k == Kind::bandwidths || k == Kind::extent;
}

}  // namespace


void OptionFlags::add(CLI::App& app, const std::vector<const OptionSpec*>& specs, bool required) {
  for (const OptionSpec* spec : specs) {
    if (spec->flag.empty()) continue;
    Flag f{spec, std::make_shared<std::vector<std::string>>(), std::make_shared<bool>(false)};
    CLI::Option* o = nullptr;
    if (spec->kind == Kind::flag) {
      o = app.add_flag(spec->flag, *f.on, help_line(*spec));
    } else {
      o = app.add_option(spec->flag, *f.words, help_line(*spec));
      if (spec->kind == Kind::paths) {
        o->expected(1, CLI::detail::expected_max_vector_size);
      } else if (is_list(spec->kind)) {
        o->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
      } else {
        o->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      }
      o->type_name(spec->kind == Kind::whole || spec->kind == Kind::number ? "NUMBER" : "TEXT");
      o->allow_extra_args(spec->kind == Kind::paths);
    }
    if (!spec->group.empty()) o->group(spec->group);
    if (required && spec->required) o->required();
    flags_.push_back(std::move(f));
  }
}

Value OptionFlags::parse(const Flag& f) const {
  const OptionSpec& spec = *f.spec;
  RawValue raw;
  if (spec.kind == Kind::flag) {
    raw = RawValue::of_text(*f.on ? "true" : "false");
  } else if (is_list(spec.kind)) {
    raw.form = RawValue::Form::list;
    for (const auto& word : *f.words) {
      raw.text += (raw.text.empty() ? "" : " ") + word;
      if (spec.kind == Kind::paths) {
        raw.items.push_back(RawValue::of_text(word));
        continue;
      }
      for (auto& item : split_commas(word)) raw.items.push_back(RawValue::of_text(std::move(item)));
    }
  } else {
    raw = RawValue::of_text(f.words->empty() ? "" : f.words->back());
  }
  try {
    return parse_value(spec, raw);
  } catch (const OptionError& e) {
    throw UsageError(spec.flag + " " + raw.text + ": " + e.reason);
  }
}

std::string flag_message(const OptionError& e, const std::vector<const OptionSpec*>& specs) {
  std::string name = e.key;
  for (const OptionSpec* s : specs) {
    if (s->qualified() == e.key && !s->flag.empty()) name = s->flag;
  }
  const bool is_flag = name.rfind("--", 0) == 0;
  if (e.value.empty()) return name + ": " + e.reason;
  return is_flag ? name + " " + e.value + ": " + e.reason : name + " = " + e.value + ": " + e.reason;
}

}  // namespace hotspot::cli
