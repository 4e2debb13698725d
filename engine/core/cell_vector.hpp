// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/parallel.hpp"

namespace hotspot {

// An allocator whose resize(n) leaves new elements uninitialised (as `new T[n]` does), for
// tables of millions of cells the caller writes in full: value-initialisation would first write
// every page on one core (on this machine each first write of a page is a page fault) before
// the work writes it again on every core.
template <class T, class Base = std::allocator<T>>
struct DefaultInit : Base {
  using Base::Base;
  template <class U>
  struct rebind {
    using other = DefaultInit<U, typename std::allocator_traits<Base>::template rebind_alloc<U>>;
  };
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    std::allocator_traits<Base>::construct(static_cast<Base&>(*this), p, std::forward<Args>(args)...);
  }
};

// One value per grid cell (or per cell of a study area); resize() does not write the cells.
template <class T>
using CellVector = std::vector<T, DefaultInit<T>>;

// v resized to n with every element `value`, written on every core (each a slice of at least
// 65,536 elements), so that the pages are first touched in parallel.
template <class T>
void fill_cells(CellVector<T>& v, size_t n, T value) {
  v.resize(n);
  const size_t workers = worker_count(n, size_t{1} << 16);
  parallel_for(workers, [&](size_t w) {
    const size_t first = slice_begin(n, w, workers), last = slice_begin(n, w + 1, workers);
    std::fill(v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(last), value);
  });
}

}  // namespace hotspot
