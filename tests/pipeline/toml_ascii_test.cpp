// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <toml++/toml.h>

#include "core/errors.hpp"
#include "options/toml_ascii.hpp"
#include "pipeline/run_config.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

namespace {

// The value of key `k` after the rewrite, as toml++ parses it.
std::string value_of(const std::string& text, const char* k = "s") {
  const std::string ascii = ascii_toml(text, "t.toml");
  for (const char c : ascii) REQUIRE(static_cast<unsigned char>(c) < 0x80);  // toml++ sees ASCII only
  const toml::table t = toml::parse(ascii);
  return t[k].value_or(std::string("(none)"));
}

std::string error_of(const std::string& text) {
  try {
    ascii_toml(text, "t.toml");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("toml: text past ASCII reaches toml++ as escapes, with the same values", "[pipeline][config][toml]") {
  CHECK(value_of("s = \"Caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80\"\n") == "Caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80");
  // toml++ issue 190: U+00A7 after a line-ending backslash in a multi-line string.
  CHECK(value_of("s = \"\"\"\\\n\xC2\xA7\"\"\"\n") == "\xC2\xA7");
  // Literal strings keep backslashes and quotes as written.
  CHECK(value_of("s = 'C:\\data\\\"x\" \xC2\xA7'\n") == "C:\\data\\\"x\" \xC2\xA7");
  CHECK(value_of("s = '''\nline \\ \"q\" \xC2\xA7\nend'''\n") == "line \\ \"q\" \xC2\xA7\nend");
  CHECK(value_of("s = '''a''''\n") == "a'");  // a quote before the closing three
  CHECK(value_of("s = \"\"\"a\"\"\"\"\n") == "a\"");
  CHECK(value_of("s = \"a \\\" \xC2\xA7\" # \xC2\xA9 a comment\n") == "a \" \xC2\xA7");
  CHECK(value_of("\xEF\xBB\xBFs = \"bom\"\n") == "bom");  // Notepad's byte order mark
  CHECK(value_of("\"k\xC3\xA9y\" = 1\ns = \"x\"\n") == "x");  // a quoted key past ASCII
}

TEST_CASE("toml: bytes that are not UTF-8, or characters past ASCII outside strings, name line and column",
          "[pipeline][config][toml]") {
  CHECK(error_of("a = 1\ns = \"caf\xE9\"\n") == "t.toml:2:9: byte 0xE9 is not UTF-8 (save the file as UTF-8)");
  CHECK(error_of("a = 1\n\xCC\xAA = 2\n") ==
        "t.toml:2:1: U+032A outside a string or comment (keys past ASCII go in quotes)");  // toml++ issue 295
  CHECK(error_of("s = \"\\\xC2\xA7\"") == "t.toml:1:7: a backslash before a character past ASCII is no TOML escape");
  CHECK(error_of("s = \"\xED\xA0\x80\"") == "t.toml:1:6: byte 0xED is not UTF-8 (save the file as UTF-8)");  // a surrogate
}

TEST_CASE("config: a title past ASCII loads as written, and a bad date is refused", "[pipeline][config][toml]") {
  const std::string dir = test::fixture_dir("config_unicode");
  const std::string base = "output = \"out\"\nsteps = [\"kde\"]\n[incidents]\nsources = [\"a.csv\"]\n[boundaries]\nsource = \"b.shp\"\n";
  const ConfigPlan plan = load_run_config(
      test::write_file(dir, "title.toml", "title = 'Kirkby\xE2\x80\x99s \xC2\xA7 estates'\n" + base), "2024-07-01");
  CHECK(plan.plan.title == "Kirkby\xE2\x80\x99s \xC2\xA7 estates");
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "date.toml", "date = \"2024-13-45\"\n" + base), "d"),
                    Catch::Contains("date.toml:1:8: date = 2024-13-45: not a date YYYY-MM-DD"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "big.toml", base + "[nearrepeat]\npermutations = 4294967305\n"), "d"),
                    Catch::Contains("nearrepeat.permutations = 4294967305"));
  CHECK_THROWS_WITH(load_run_config(test::write_file(dir, "huge.toml", base + "[kde]\nmax_cells = 1e30\n"), "d"),
                    Catch::Contains("kde.max_cells = 1e+30: must be a whole number"));
}
