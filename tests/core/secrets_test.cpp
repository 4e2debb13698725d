// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/secrets.hpp"
#include "support/cli.hpp"
#include "support/fixtures.hpp"

using namespace hotspot;

TEST_CASE("secrets: passwords and tokens in sources are masked, the rest kept", "[core][secrets]") {
  CHECK(redact_secrets("PG:dbname=crime host=db password=Sekr1t user=analyst") ==
        "PG:dbname=crime host=db password=*** user=analyst");
  CHECK(redact_secrets("PG:dbname=crime password='two words' port=5432") == "PG:dbname=crime password=*** port=5432");
  CHECK(redact_secrets("PG:dbname=crime PASSWORD = Sekr1t") == "PG:dbname=crime PASSWORD = ***");
  CHECK(redact_secrets("PG:postgresql://analyst:Sekr1t@db.example/crime") == "PG:postgresql://analyst:***@db.example/crime");
  CHECK(redact_secrets("/vsicurl/https://h/a.csv?sig=abc%2F&se=2026&token=t0k") == "/vsicurl/https://h/a.csv?sig=***&se=2026&token=***");
  CHECK(redact_secrets("incidents 'PG:password=x': cannot open") == "incidents 'PG:password=***': cannot open");
  for (const char* kept : {"examples/police-uk/2024-01.csv", "https://h/a.csv", "passwords.csv", "my_token_file.csv",
                           "mailto:someone@example.org", "user@host:/data/a.csv"}) {
    INFO(kept);
    CHECK(redact_secrets(kept) == kept);
  }
}

TEST_CASE("cli: a PG: password appears in no error", "[cli][secrets]") {
  // Nothing listens on loopback port 1: the connection fails, and the error names the source.
  const std::string source = "\"PG:dbname=crime host=127.0.0.1 port=1 user=analyst password=Sekr1tPassw0rd\"";
  const test::CliResult r = test::run_hotspot("kde --incidents " + source + " --boundaries " +
                                              test::source_path("shapefiles/nottinghamshire_lsoa11.shp") +
                                              " --districts E07000170 --output " + test::output_dir("cli_secrets") + "/out");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.out, Catch::Contains("password=***"));
  CHECK(r.out.find("Sekr1tPassw0rd") == std::string::npos);
}
