// SPDX-License-Identifier: Apache-2.0
// What an installed hotspot carries besides itself: --version, the man page and the bash
// completion, each made from the command line's own declarations.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "pipeline/stage.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("cli: --version names the version, the commit and the libraries it runs with", "[cli][install]") {
  const test::CliResult r = test::run_hotspot("--version");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Matches("hotspot 0\\.1\\.0 \\(commit [0-9a-f]{10}(-modified)?\\)\nGDAL 3\\.[0-9.]+, GEOS 3\\.[^,]+, PROJ 9\\.[0-9.]+\n"));
}

TEST_CASE("cli: the man page and the bash completion hold every verb and every flag", "[cli][install]") {
  const test::CliResult man = test::run_hotspot("--man-page");
  REQUIRE(man.exit_code == 0);
  CHECK_THAT(man.out, Catch::StartsWith(".TH HOTSPOT 1"));
  const std::string bash = test::run_hotspot("--bash-completion").out;
  const std::string script = test::write_file(test::fixture_dir("cli_completion"), "hotspot.bash", bash);
  for (const auto& name : stage_names()) {
    if (!make_stage(name)->info().verb) continue;
    INFO(name);
    CHECK_THAT(man.out, Catch::Contains(".SS hotspot " + name + "\n"));
    // Every flag of the verb's --help is in its man section, escaped as roff escapes it.
    const std::string help = test::run_hotspot(name + " --help").out;
    const std::string section = man.out.substr(man.out.find(".SS hotspot " + name + "\n"));
    for (size_t at = help.find("  --"); at != std::string::npos; at = help.find("  --", at + 1)) {
      const std::string flag = help.substr(at + 2, help.find_first_of(" \n", at + 2) - at - 2);
      std::string roff;
      for (char c : flag) roff += c == '-' ? std::string("\\-") : std::string(1, c);
      INFO(flag);
      CHECK(section.find(".B " + roff) != std::string::npos);
    }
  }
  // bash completes a verb's flag and a verb's own verb.
  const auto complete = [&](const std::string& words, int cword) {
    const std::string cmd = "bash -c 'source " + script + "; COMP_WORDS=(" + words + "); COMP_CWORD=" +
                            std::to_string(cword) + "; _hotspot; echo \"${COMPREPLY[@]}\"' 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    for (char buf[512]; fgets(buf, sizeof buf, p);) out += buf;
    pclose(p);
    return out;
  };
  CHECK(complete("hotspot kde --ce", 2) == "--cell\n");
  CHECK(complete("hotspot geocode --drop", 2) == "--drop-address\n");
  CHECK(complete("hotspot gazetteer str", 2) == "streets\n");
  CHECK(complete("hotspot ne", 1) == "nearrepeat\n");
}
