// SPDX-License-Identifier: Apache-2.0
// The `hotspot` launcher (tools/launcher): it starts hotspot.bin from its own folder, with the
// arguments as given and glibc's malloc asked for huge pages, and says so when it cannot.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

TEST_CASE("cli: the launcher starts hotspot.bin beside it with the arguments as given and malloc on huge pages",
          "[cli][install]") {
  const std::string dir = test::fixture_dir("launcher");
  fs::copy_file(HOTSPOT_BIN, dir + "/hotspot", fs::copy_options::overwrite_existing);
  // A stand-in for the command that prints what it was started with.
  const std::string bin = test::write_file(dir, "hotspot.bin", "#!/bin/sh\nprintf '%s|' \"$GLIBC_TUNABLES\" \"$@\"\n");
  fs::permissions(bin, fs::perms::owner_all);
  const auto launch = [&](const std::string& env) {
    return test::run_command("cd '" + dir + "' && env -u GLIBC_TUNABLES " + env + " ./hotspot kde --title 'a b' '--x=c'");
  };
  test::CliResult r = launch("");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "glibc.malloc.hugetlb=1|kde|--title|a b|--x=c|");
  // The user's own tunables are kept, and a hugetlb setting of theirs wins.
  CHECK(launch("GLIBC_TUNABLES=glibc.malloc.arena_max=2").out == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1|kde|--title|a b|--x=c|");
  CHECK(launch("GLIBC_TUNABLES=glibc.malloc.hugetlb=0").out == "glibc.malloc.hugetlb=0|kde|--title|a b|--x=c|");
  // Found through a symbolic link, from another folder.
  fs::remove(dir + "/link");
  fs::create_symlink(dir + "/hotspot", dir + "/link");
  r = test::run_command("cd / && env -u GLIBC_TUNABLES '" + dir + "/link' --version");
  CHECK(r.out == "glibc.malloc.hugetlb=1|--version|");
  fs::remove(bin);
  r = launch("");
  CHECK(r.exit_code == 2);
  CHECK(r.out == "hotspot: cannot start " + fs::canonical(dir).string() + "/hotspot.bin: No such file or directory\n");
}
