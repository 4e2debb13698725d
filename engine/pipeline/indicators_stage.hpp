// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

#include "analyses/places/period_compare.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "indicators": a partnership's measures of success as its response plan tabulates them.
// Each indicator is a crime-type group (a --types spec: "serious-violence", "Robbery") in an area
// ("force", a district by code or name, "ward:NAME"), counted in a baseline and a current period
// and compared per month by the exact test of two Poisson counts with a RAG (period_compare.hpp).
struct IndicatorsParams {
  std::vector<std::string> groups = {"serious-violence"};
  std::vector<std::string> areas = {"force"};
  std::string baseline, current;
  RagRule rag;
};

struct IndicatorRow {
  std::string indicator, area;
  PeriodComparison comparison;
};

struct IndicatorTable {
  Period baseline, current;
  std::vector<IndicatorRow> rows;  // per group, then per area, in the order given
};

// Throws OptionError naming the key for an unknown area or a group none of whose types the
// study holds, DataError when the data do not cover both periods.
IndicatorTable indicator_table(const StudyData& study, const IndicatorsParams& params);

}  // namespace hotspot
