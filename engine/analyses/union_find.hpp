// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace hotspot {

// Disjoint sets with path halving and union by size: the single-linkage step of DBSCAN and NNH.
class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), 0u); }

  // Adds singletons up to n elements.
  void grow(size_t n) {
    for (size_t k = parent_.size(); k < n; ++k) parent_.push_back(static_cast<uint32_t>(k));
    size_.resize(n, 1);
  }

  uint32_t find(uint32_t a) {
    while (parent_[a] != a) a = parent_[a] = parent_[parent_[a]];
    return a;
  }

  // How many elements the set whose root is `root` holds.
  uint32_t size_of_root(uint32_t root) const { return size_[root]; }

  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_, size_;
};

}  // namespace hotspot
