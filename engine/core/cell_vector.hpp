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

// Asks the kernel to back [p, p + bytes) with huge pages where it can (transparent huge pages in
// "madvise" mode, as Debian ships them): a table of tens of MB then costs a few dozen page faults
// on first write rather than thousands. A hint: a kernel without such pages ignores it.
void advise_large_pages(void* p, size_t bytes) noexcept;

// std::allocator, except that blocks of kLargeBlock and more start on a huge page boundary (so
// that huge pages can back all of them) and are advised so. For the working tables of a run
// (grids of millions of cells, the ranking heaps of the bandwidth search) made afresh for each
// surface: at this size each is a fresh mapping from the C library, every page of it faulted in.
constexpr size_t kLargeBlock = size_t{4} << 20;
constexpr std::align_val_t kLargePageAlignment{size_t{2} << 20};
template <class T>
struct LargePages : std::allocator<T> {
  using value_type = T;
  LargePages() = default;
  template <class U>
  LargePages(const LargePages<U>&) noexcept {}
  template <class U>
  struct rebind {
    using other = LargePages<U>;
  };
  T* allocate(size_t n) {
    if (n > std::allocator_traits<std::allocator<T>>::max_size(*this)) throw std::bad_array_new_length();
    if (n * sizeof(T) < kLargeBlock) return std::allocator<T>::allocate(n);
    void* p = ::operator new(n * sizeof(T), kLargePageAlignment);
    advise_large_pages(p, n * sizeof(T));
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kLargeBlock) return std::allocator<T>::deallocate(p, n);
    ::operator delete(p, kLargePageAlignment);  // unsized: clang declares sized delete only with -fsized-deallocation
  }
  template <class U>
  bool operator==(const LargePages<U>&) const noexcept {
    return true;
  }
};

// A vector of a run's working table: value-initialised as usual, on large pages when large.
template <class T>
using LargeVector = std::vector<T, LargePages<T>>;

// An allocator whose resize(n) leaves new elements uninitialised (as `new T[n]` does), for
// tables of millions of cells the caller writes in full: value-initialisation would first write
// every page on one core (on this machine each first write of a page is a page fault) before
// the work writes it again on every core.
template <class T, class Base = LargePages<T>>
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

// One value per grid cell (or per cell of a study area); resize() does not write the cells, and
// large tables are on large pages.
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
