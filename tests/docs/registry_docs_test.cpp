// SPDX-License-Identifier: Apache-2.0
// docs/config.md's option tables and every verb's --help are made from the options' declarations:
// these tests regenerate both and fail on any difference, and pass every declared key and flag
// its documented example through the config loader and the command line.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

#include "options/option_docs.hpp"
#include "pipeline/geocode_stage.hpp"
#include "pipeline/run_config.hpp"
#include "pipeline/study_options.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::vector<std::unique_ptr<Stage>> verb_stages() {
  std::vector<std::unique_ptr<Stage>> out;
  for (const auto& name : stage_names()) {
    auto s = make_stage(name);
    if (s->info().verb) out.push_back(std::move(s));
  }
  return out;
}

// The TOML form of a spec's example (a list kind's example is written comma-separated).
std::string toml_value(const OptionSpec& s) {
  const auto item = [&](const std::string& v) {
    const bool number = s.kind == Kind::number || s.kind == Kind::numbers || s.kind == Kind::whole ||
                        s.kind == Kind::extent || (s.kind == Kind::bandwidths && v != "auto");
    return number ? v : "\"" + v + "\"";
  };
  if (s.kind == Kind::flag) return s.example;
  if (s.kind == Kind::texts || s.kind == Kind::paths || s.kind == Kind::numbers || s.kind == Kind::extent ||
      s.kind == Kind::bandwidths) {
    std::string out;
    size_t start = 0;
    for (;;) {
      const size_t comma = s.example.find(',', start);
      out += (out.empty() ? "" : ", ") + item(s.example.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return "[" + out + "]";
  }
  return item(s.example);
}

}  // namespace

TEST_CASE("docs/config.md's option tables are the declarations' (HOTSPOT_UPDATE_DOCS=1 rewrites them)", "[docs]") {
  const std::string path = test::source_path("docs/config.md");
  const std::string doc = test::slurp(path);
  const std::string made = regenerate_option_tables(doc, config_options());
  if (std::getenv("HOTSPOT_UPDATE_DOCS")) {
    std::ofstream(path, std::ios::binary) << made;
    SUCCEED("rewrote " + path);
    return;
  }
  CHECK(made == doc);
  // Every section with options has its table.
  std::set<std::string> sections;
  for (const OptionSpec* s : config_options()) sections.insert(s->section.empty() ? "(top level)" : s->section);
  for (const auto& section : sections) CHECK_THAT(doc, Catch::Contains("<!-- options: " + section + " -->"));
}

TEST_CASE("every verb's --help is its declarations: each flag with its help line, and no other flag", "[docs][cli]") {
  for (const auto& stage : verb_stages()) {
    const StageInfo& info = stage->info();
    INFO("verb " << info.name);
    const test::CliResult r = test::run_hotspot(info.name + " --help");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith(info.purpose));
    CHECK_THAT(r.out, Catch::Contains(info.writes) && Catch::Contains("Example:\n  " + info.example));
    std::set<std::string> declared = {"--help", "--quiet", "--json", "--allow-network", "--csv", "--format", "--timings", "--output", "--schema"};
    std::vector<const OptionSpec*> specs = study_options().specs();
    for (const OptionSpec* s : stage->options()) specs.push_back(s);
    for (const OptionSpec* s : specs) {
      if (s->flag.empty()) continue;
      declared.insert(s->flag);
      // CLI11 puts a long flag's help on the next line: compare with white space folded.
      const std::string folded = std::regex_replace(r.out, std::regex(R"(\s+)"), " ");
      const size_t at = folded.find(" " + s->flag + " ");
      REQUIRE(at != std::string::npos);
      INFO(s->flag);
      CHECK(folded.find(" " + help_line(*s), at) - at < s->flag.size() + 40);  // after its type name
    }
    const std::regex flag(R"(\n\s+(?:-\w,)?(--[a-z-]+))");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), flag); it != std::sregex_iterator(); ++it) {
      CHECK(declared.count((*it)[1].str()));
    }
  }
}

TEST_CASE("geocode's --help is its declarations", "[docs][cli]") {
  const test::CliResult r = test::run_hotspot("geocode --help");
  REQUIRE(r.exit_code == 0);
  const std::string folded = std::regex_replace(r.out, std::regex(R"(\s+)"), " ");
  for (const OptionSpec* s : geocode_options().specs()) {
    INFO(s->flag);
    const size_t at = folded.find(" " + s->flag + " ");
    REQUIRE(at != std::string::npos);
    CHECK(folded.find(" " + help_line(*s), at) - at < s->flag.size() + 40);  // after its type name
  }
}

TEST_CASE("every config key takes its documented example", "[docs][config]") {
  std::map<std::string, std::string> tables;  // section -> lines
  std::string top;
  for (const OptionSpec* s : config_options()) {
    REQUIRE_FALSE(s->example.empty());
    const std::string line = s->key + " = " + toml_value(*s) + "\n";
    if (s->section.empty()) {
      if (s->key != "steps") top += line;
    } else {
      tables[s->section] += line;
    }
  }
  std::string steps;
  for (const auto& n : stage_names()) steps += (steps.empty() ? "" : ", ") + quoted(n);
  std::string text = top + "steps = [" + std::regex_replace(steps, std::regex("'"), "\"") + "]\n";
  for (const auto& [section, lines] : tables) text += "[" + section + "]\n" + lines;
  const std::string dir = test::fixture_dir("config_every_key");
  const ConfigPlan config = load_run_config(test::write_file(dir, "all.toml", text), "2026-12-01");
  for (const OptionSpec* s : config_options()) {
    INFO(s->qualified());
    CHECK(config.written_at.count(s->qualified()));
  }
  CHECK(config.plan.step_names() == stage_names());
  CHECK(config.plan.output_dir == dir + "/output/2024-07-01");
}

TEST_CASE("every flag takes its documented example", "[docs][cli]") {
  const std::string dir = test::fixture_dir("cli_every_flag");
  for (const auto& stage : verb_stages()) {
    std::vector<const OptionSpec*> specs = study_options().specs();
    for (const OptionSpec* s : stage->options()) specs.push_back(s);
    std::string args = stage->info().name;
    for (const OptionSpec* s : specs) {
      if (s->flag.empty()) continue;
      args += " " + s->flag;
      if (s->kind != Kind::flag) args += " '" + s->example + "'";
    }
    // The inputs do not exist: every flag must parse, so the run fails on the data, not a flag.
    const test::CliResult r = test::run_hotspot(args + " --output " + dir + "/" + stage->info().name);
    INFO(args << "\n" << r.out);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.out, !Catch::StartsWith("hotspot: --") && !Catch::Contains("unknown flag") &&
                          !Catch::Contains("Run with --help"));
  }
}

TEST_CASE("every verb's --help example runs from the repository root", "[docs][cli]") {
  const std::string out = test::output_dir("help_examples");
  std::vector<std::string> verbs = {"geocode", "gazetteer streets", "run"};
  for (const auto& stage : verb_stages()) verbs.push_back(stage->info().name);
  for (const auto& verb : verbs) {
    INFO("verb " << verb);
    const test::CliResult help = test::run_hotspot(verb + " --help");
    const size_t at = help.out.find("\n  hotspot " + verb);
    REQUIRE(at != std::string::npos);
    // The first example: its line and the continuation lines after a backslash.
    size_t end = at + 1;
    while (true) {
      const size_t eol = help.out.find('\n', end);
      if (eol == std::string::npos || help.out[eol - 1] != '\\') {
        end = eol;
        break;
      }
      end = eol + 1;
    }
    std::string example = std::regex_replace(help.out.substr(at + 11, end - at - 11), std::regex(R"(\\\n\s*)"), " ");
    example = std::regex_replace(example, std::regex("--output out/"), "--output " + out + "/");
    if (verb == "run") example += " --output " + out + "/run";
    INFO(example);
    const test::CliResult r = test::run_hotspot("-q " + example, test::source_path(""));
    CHECK(r.exit_code == 0);
  }
}
