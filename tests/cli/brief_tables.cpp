// SPDX-License-Identifier: Apache-2.0
#include "brief_tables.hpp"

#include <regex>
#include <stdexcept>

#include "core/gdal_handles.hpp"

namespace hotspot::test {

std::vector<std::vector<std::string>> brief_table(const std::string& html, const std::string& id) {
  const size_t section = html.find("<section id=\"" + id + "\">");
  if (section == std::string::npos) throw std::runtime_error("brief.html: no section " + id);
  const size_t body = html.find("<tbody>", section), end = html.find("</tbody>", body);
  if (body == std::string::npos || end == std::string::npos || end > html.find("</section>", section)) {
    throw std::runtime_error("brief.html: no table in section " + id);
  }
  const std::string rows = html.substr(body, end - body);
  const std::regex tr("<tr>(.*?)</tr>"), td("<td[^>]*>(.*?)</td>");
  std::vector<std::vector<std::string>> out;
  for (std::sregex_iterator r(rows.begin(), rows.end(), tr), e; r != e; ++r) {
    const std::string cells = (*r)[1];
    std::vector<std::string> row;
    for (std::sregex_iterator c(cells.begin(), cells.end(), td); c != e; ++c) {
      std::string v = (*c)[1];
      for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
               {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
        for (size_t at = v.find(entity); at != std::string::npos; at = v.find(entity, at + 1)) v.replace(at, entity.size(), ch);
      }
      row.push_back(v);
    }
    out.push_back(row);
  }
  return out;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
  init_gdal();
  GDALDatasetUniquePtr ds = open_vector(path, "csv");
  std::vector<std::vector<std::string>> out;
  for (auto& f : *ds->GetLayer(0)) {
    std::vector<std::string> row;
    for (int i = 0; i < f->GetFieldCount(); ++i) row.push_back(f->GetFieldAsString(i));
    out.push_back(row);
  }
  return out;
}

}  // namespace hotspot::test
