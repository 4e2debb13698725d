// SPDX-License-Identifier: Apache-2.0
#include "outputs/csv_table.hpp"

#include <atomic>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/gdal_handles.hpp"

namespace hotspot {

namespace {

std::atomic<CsvStyle> style{CsvStyle::plain};

bool share_column(const std::string& name) {
  return name.find("share") != std::string::npos || name == "hit_rate" || name == "coverage";
}

// "0.3243" as "32.43%" (up to four decimals of a percent); other text unchanged.
std::string as_percent(const char* cell) {
  char* end = nullptr;
  const double v = std::strtod(cell, &end);
  if (end == cell || *end != '\0' || !std::isfinite(v)) return cell;
  std::string text = fmt::format("{:.4f}", v * 100);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0%" : text + "%";
}

}  // namespace

void set_csv_style(CsvStyle s) { style = s; }
CsvStyle csv_style() { return style; }

CPLStringList csv_layer_options() {
  CPLStringList options;
  options.AddString("LINEFORMAT=LF");
  options.AddString("STRING_QUOTING=IF_NEEDED");
  options.AddString(csv_style() == CsvStyle::excel ? "WRITE_BOM=YES" : "WRITE_BOM=NO");
  return options;
}

bool formula_like(const char* cell) {
  const char c = cell[0];
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return false;
  if (c == '+' || c == '-') {  // a signed number ("-1.25", "+23") is data, not a formula
    char* end = nullptr;
    std::strtod(cell, &end);
    if (end != cell && *end == '\0') return false;
  }
  return true;
}

std::string spreadsheet_safe(const char* cell) { return formula_like(cell) ? std::string("'") + cell : std::string(cell); }

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& columns)
    : path_(path), ds_(create_dataset("CSV", path)), columns_(columns.size()) {
  const bool excel = csv_style() == CsvStyle::excel;
  layer_ = ds_->CreateLayer("table", nullptr, wkbNone, csv_layer_options().List());
  if (!layer_) throw DataError("cannot create '" + path + "': " + gdal_last_error());
  for (const auto& c : columns) {
    OGRFieldDefn field(c.c_str(), OFTString);
    layer_->CreateField(&field);
    percent_.push_back(excel && share_column(c));
  }
}

CsvWriter::~CsvWriter() = default;

void CsvWriter::add(const std::vector<std::string>& row) {
  OGRFeature feature(layer_->GetLayerDefn());
  for (size_t i = 0; i < row.size() && i < columns_; ++i) {
    feature.SetField(static_cast<int>(i), (percent_[i] ? as_percent(row[i].c_str()) : spreadsheet_safe(row[i].c_str())).c_str());
  }
  if (layer_->CreateFeature(&feature) != OGRERR_NONE) throw DataError("cannot write '" + path_ + "': " + gdal_last_error());
}

void CsvWriter::close() { close_dataset(ds_, path_); }

void write_csv(const std::string& path, const CsvTable& table) {
  CsvWriter out(path, table.columns);
  for (const auto& row : table.rows) out.add(row);
  out.close();
}

}  // namespace hotspot
