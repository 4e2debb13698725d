// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyses/cluster/cluster_shapes.hpp"
#include "analyses/cluster/dbscan.hpp"
#include "analyses/cluster/nearest_neighbour_index.hpp"
#include "analyses/cluster/nnh.hpp"
#include "outputs/cluster_layer.hpp"
#include "outputs/output_folder.hpp"
#include "pipeline/study_data.hpp"

namespace hotspot {

// Stage "cluster": the nearest neighbour index always, and clusters by NNH or DBSCAN.
struct ClusterParams {
  std::string method = "dbscan";  // nni | nnh | dbscan
  DbscanParams dbscan;
  NnhParams nnh;
  NniParams nni;
  std::optional<ClusterShape> shape;  // default: hull for DBSCAN, ellipse1 for NNH
  bool points = false;  // also the incidents with their cluster as points.gpkg (costly: a row and an index entry each)
};

// Throws UsageError unless method is nni, nnh or dbscan.
void check_cluster_method(const std::string& method);

struct ClusterResult {
  std::string method;
  ClusterShape shape = ClusterShape::hull;
  NniResult nni;
  std::optional<DbscanResult> dbscan;
  std::optional<NnhResult> nnh;
  std::vector<ClusterFeature> features;  // by order, then rank
  std::vector<int32_t> point_cluster;    // per incident: cluster_id of its (first-order) cluster, or -1
};

ClusterResult analyse_clusters(const StudyData& study, const ClusterParams& params, const Progress& progress = {});

// Stages nni.csv and, for nnh/dbscan, clusters.geojson (+ clusters.qml) and, with `points`,
// points.gpkg.
void write_clusters(const StudyData& study, const ClusterResult& result, OutputFolder& out,
                    const std::string& prefix = "", bool points = false);

}  // namespace hotspot
