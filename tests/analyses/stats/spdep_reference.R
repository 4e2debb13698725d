# SPDX-License-Identifier: Apache-2.0
# Saves R spdep's contiguity, Getis-Ord Gi* and local/global Moran's I for the Nottinghamshire
# LSOAs and their 18-month serious-violence counts: the reference for
# tests/analyses/stats/spdep_test.cpp.
#
# Made with Debian 12's r-cran-spdep 1.2-7 (sf 1.0-9):
#   build-tests/tools/hotspot areas --incidents ../shared/data/police-uk \
#     --boundaries ../shared/data/boundaries/nottinghamshire_lsoa11.geojson \
#     --imd ../shared/data/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \
#     --types serious-violence --output /tmp/sv
#   Rscript tests/analyses/stats/spdep_reference.R ../shared/data/boundaries/nottinghamshire_lsoa11.geojson \
#     /tmp/sv/lsoa.geojson tests/analyses/stats/spdep_reference.csv tests/analyses/stats/spdep_reference_global.csv
suppressMessages({library(sf); library(spdep)})
args <- commandArgs(trailingOnly = TRUE)
lsoa <- st_read(args[1], quiet = TRUE)
counts <- st_drop_geometry(st_read(args[2], quiet = TRUE))
x <- as.numeric(counts$incidents[match(lsoa$LSOA11CD, counts$lsoa_code)])
stopifnot(!any(is.na(x)))

nb <- poly2nb(lsoa, queen = TRUE)
rook <- poly2nb(lsoa, queen = FALSE)
w_row <- nb2listw(nb, style = "W", zero.policy = TRUE)
w_self <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
gstar <- as.numeric(localG(x, w_self))
lm <- localmoran(x, w_row)
mt <- moran.test(x, w_row, randomisation = TRUE)

neighbours <- sapply(nb, function(j) paste(sort(lsoa$LSOA11CD[j]), collapse = ";"))
rook_neighbours <- sapply(rook, function(j) paste(sort(lsoa$LSOA11CD[j]), collapse = ";"))
out <- data.frame(code = lsoa$LSOA11CD, x = x, queen = neighbours, rook = rook_neighbours,
                  gstar_z = sprintf("%.12f", gstar),
                  ii = sprintf("%.12f", lm[, "Ii"]), e_ii = sprintf("%.12f", lm[, "E.Ii"]),
                  var_ii = sprintf("%.12f", lm[, "Var.Ii"]), z_ii = sprintf("%.12f", lm[, "Z.Ii"]))
out <- out[order(out$code), ]
write.csv(out, args[3], row.names = FALSE, quote = TRUE)
write.csv(data.frame(queen_links = sum(card(nb)), rook_links = sum(card(rook)),
                     moran_i = sprintf("%.12f", mt$estimate[1]), moran_e = sprintf("%.12f", mt$estimate[2]),
                     moran_var = sprintf("%.12f", mt$estimate[3]), moran_z = sprintf("%.12f", mt$statistic)),
          args[4], row.names = FALSE)
cat(sprintf("queen links %d, rook links %d\n", sum(card(nb)), sum(card(rook))))
cat(sprintf("global Moran's I %.6f, expectation %.8f, variance %.10f, z %.6f\n",
            mt$estimate[1], mt$estimate[2], mt$estimate[3], mt$statistic))
