// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <nanoflann.hpp>

namespace hotspot {

// A nanoflann k-d tree over two coordinate arrays (EPSG:27700 metres). The arrays must
// outlive the index: nanoflann reads them through the adaptor below, it does not copy them.
class PointIndex {
 public:
  PointIndex(const std::vector<double>& x, const std::vector<double>& y);

  // Calls visit(index, squared_distance) for every point with squared distance <= r2: the
  // bound is inclusive, as in scikit-learn's KDTree.query_radius (nanoflann's own radius
  // result set is strict). Distances are (qx-x)^2 + (qy-y)^2, summed in that order.
  template <class Visit>
  void within(double qx, double qy, double r2, Visit&& visit) const;

  // The k nearest points to (qx, qy), nearest first; fewer when the index holds fewer.
  void nearest(double qx, double qy, size_t k, std::vector<uint32_t>& index, std::vector<double>& d2) const;

  size_t size() const { return cloud_.x->size(); }

 private:
  // nanoflann's adaptor contract: kdtree_get_point_count, kdtree_get_pt, kdtree_get_bbox.
  struct Cloud {
    const std::vector<double>* x;
    const std::vector<double>* y;
    size_t kdtree_get_point_count() const { return x->size(); }
    double kdtree_get_pt(size_t i, size_t dim) const { return dim == 0 ? (*x)[i] : (*y)[i]; }
    template <class Box>
    bool kdtree_get_bbox(Box&) const { return false; }
  };
  using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 2, uint32_t>;

  template <class Visit>
  struct InclusiveRadius {  // nanoflann result-set contract: init, size, full, addPoint, worstDist
    double r2;
    Visit& visit;
    // nanoflann tests leaves with dist < worstDist(): one ulp above r2 makes that dist <= r2.
    double worst = std::nextafter(r2, std::numeric_limits<double>::infinity());
    size_t count = 0;
    void init() {}
    size_t size() const { return count; }
    bool full() const { return true; }
    bool addPoint(double d2, uint32_t i) {
      if (d2 <= r2) {
        ++count;
        visit(i, d2);
      }
      return true;
    }
    double worstDist() const { return worst; }
  };

  Cloud cloud_;
  Tree tree_;
};

template <class Visit>
void PointIndex::within(double qx, double qy, double r2, Visit&& visit) const {
  const double q[2] = {qx, qy};
  InclusiveRadius<Visit> result{r2, visit};
  tree_.findNeighbors(result, q, nanoflann::SearchParams());
}

}  // namespace hotspot
