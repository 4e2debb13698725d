// SPDX-License-Identifier: Apache-2.0
#include "core/point_index.hpp"

namespace hotspot {

PointIndex::PointIndex(const std::vector<double>& x, const std::vector<double>& y)
    : cloud_{&x, &y}, tree_(2, cloud_, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {
  tree_.buildIndex();
}

void PointIndex::nearest(double qx, double qy, size_t k, std::vector<uint32_t>& index, std::vector<double>& d2) const {
  k = std::min(k, size());
  index.resize(k);
  d2.resize(k);
  const double q[2] = {qx, qy};
  const size_t found = tree_.knnSearch(q, k, index.data(), d2.data());
  index.resize(found);
  d2.resize(found);
}

}  // namespace hotspot
