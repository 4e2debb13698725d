// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "outputs/brief.hpp"

using namespace hotspot;

TEST_CASE("brief: escaped text, tables, the marking on every printed page, nothing fetched", "[brief]") {
  CHECK(html_escape("Fish & Chips <b>\"Bob's\"</b>") == "Fish &amp; Chips &lt;b&gt;&quot;Bob&#39;s&quot;&lt;/b&gt;");
  CHECK(html_table({"a", "n"}, {{"x<y", "1,234"}}, {1}) ==
        "<div class=\"scroll\"><table>\n<thead><tr><th>a</th><th class=\"n\">n</th></tr></thead>\n<tbody>\n"
        "<tr><td>x&lt;y</td><td class=\"n\">1,234</td></tr>\n</tbody></table></div>\n");
  BriefPage page;
  page.title = "Ashfield & Mansfield";
  page.period = "July 2023 to June 2024";
  page.marking = "OFFICIAL-SENSITIVE";
  page.sections = {{"one", "First", html_paragraph("a")}, {"two", "Second", html_paragraph("b")}};
  const std::string html = brief_html(page);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("<title>Ashfield &amp; Mansfield</title>"));
  // The marking heads the screen and every printed page (a page margin box).
  CHECK_THAT(html, Catch::Contains("<header class=\"marking\">OFFICIAL-SENSITIVE</header>") &&
                       Catch::Contains("@top-center { font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 8pt; "
                                       "color: #333; font-weight: bold; font-size: 10pt; content: \"OFFICIAL-SENSITIVE\"; }"));
  page.marking = "A \"quoted\" </style> mark";
  CHECK_THAT(brief_html(page), Catch::Contains("content: \"A \\\"quoted\\\" \\3C /style> mark\";") &&
                                   Catch::Contains("<header class=\"marking\">A &quot;quoted&quot; &lt;/style&gt; mark</header>"));
  CHECK_THAT(html, Catch::Contains("<section id=\"two\">\n<h2>Second</h2>\n<p>b</p>\n</section>") &&
                       Catch::Contains("<a href=\"#one\">First</a>"));
  CHECK_THAT(html, Catch::Contains("default-src 'none'") && !Catch::Contains("http://") && !Catch::Contains("https://"));
  page.marking.clear();
  CHECK(brief_html(page).find("<header class=\"marking\">") == std::string::npos);
}
