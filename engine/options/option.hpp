// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/errors.hpp"

namespace hotspot {

// What kind of value an option takes; each kind is parsed and checked in one place (option.cpp).
enum class Kind {
  text,        // a string
  texts,       // a list of strings (a config list or a single string; comma-separated on the command line)
  number,      // a finite real number
  numbers,     // a list of numbers (comma-separated on the command line)
  whole,       // a whole number, exactly (64-bit)
  flag,        // true or false (a bare flag on the command line)
  month,       // YYYY-MM
  date,        // YYYY-MM-DD
  bandwidth,   // "auto" or a positive number of metres
  bandwidths,  // a list of those
  recency,     // "none", "auto" or a positive number of months
  extent,      // four numbers: xmin, ymin, xmax, ymax
  path,        // a file, folder or connection string; relative to the config's folder
  paths,       // a list of those
};

// A value as parsed: which alternative follows from the kind (see Kind).
struct Value {
  std::variant<std::string, std::vector<std::string>, double, std::vector<double>, int64_t, bool> v;
  std::string written;  // as the user wrote it, for messages
};

// An option of a stage (or of the study, or the run), declared once: the command line, the
// config loader, --help and docs/config.md are all made from this.
struct OptionSpec {
  std::string section;  // config table ("kde", "boundaries"); "" at the top level
  std::string key;      // config key in that table ("cell")
  std::string flag;     // command-line flag ("--cell"); "" when the option is config-only
  Kind kind = Kind::text;
  std::string unit;                  // "m", "share", "months" ... shown after the value
  std::string default_text;          // the default as shown ("25", "auto"); "" none
  bool required = false;
  std::vector<std::string> choices;  // allowed values of a text or of each item of texts
  std::optional<double> min, max;    // inclusive bounds, unless the *_open flags say otherwise
  bool min_open = false, max_open = false;
  std::string help;                  // one line
  std::string example;               // a value the docs show and the tests use
  std::string group;                 // its --help group
  std::vector<std::string> file_suffixes;  // a text ending in one of these is a file, taken from the config's folder

  std::string qualified() const { return section.empty() ? key : section + "." + key; }
};


// What the user wrote for one option, as the front end saw it: text on the command line (one
// string per occurrence, commas not yet split), typed values from a config.
struct RawValue {
  enum class Form { text, number, integer, boolean, list } form = Form::text;
  std::string text;  // text; or the number as written, for messages
  double number = 0;
  int64_t integer = 0;
  bool boolean = false;
  std::vector<RawValue> items;  // list
  static RawValue of_text(std::string t) { RawValue r; r.text = std::move(t); return r; }
};

// "a,b,,c" -> {"a", "b", "", "c"}: how a list is written on the command line.
std::vector<std::string> split_commas(const std::string& text);

// Parses and checks a value against its spec; throws OptionError naming spec.qualified().
Value parse_value(const OptionSpec& spec, const RawValue& raw);

// The closest of `known` to `word` when it is a plausible misspelling, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& known);

// " (did you mean 'kde'?)" or "".
std::string suggestion(const std::string& word, const std::vector<std::string>& known);

// How a kind is written in docs and errors: "number", "\"auto\" or number", "list of strings".
std::string kind_label(Kind kind);

// The option's constraint as text: "> 0 m", "0..1", "one of a, b, c", "YYYY-MM"; "" none.
std::string constraint_text(const OptionSpec& spec);

}  // namespace hotspot
