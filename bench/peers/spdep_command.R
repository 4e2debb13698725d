# SPDX-License-Identifier: Apache-2.0
# The R spdep peer of the whole `hotspot stats` command (bench/peers.py): read the LSOAs and their
# incidents per 1,000 residents (a CSV of code and value, made beforehand: the peer is not asked
# to count), queen contiguity, Getis-Ord Gi* and local Moran's I each with 999 conditional
# permutations (localG_perm, localmoran_perm), write one row per LSOA.
# Usage: Rscript bench/peers/spdep_command.R LSOA.geojson VALUES.csv OUT.csv
suppressMessages({library(sf); library(spdep)})
args <- commandArgs(trailingOnly = TRUE)
lsoa <- st_read(args[1], quiet = TRUE)
values <- read.csv(args[2])
x <- as.numeric(values$value[match(lsoa$LSOA11CD, values$code)])
x[is.na(x)] <- 0
set.seed(42)
nb <- poly2nb(lsoa, queen = TRUE)
w_row <- nb2listw(nb, style = "W", zero.policy = TRUE)
w_self <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
gstar <- localG_perm(x, w_self, nsim = 999, zero.policy = TRUE)
lm <- localmoran_perm(x, w_row, nsim = 999, zero.policy = TRUE)
write.csv(data.frame(code = lsoa$LSOA11CD, value = x, gi_z = as.numeric(gstar), lisa_i = lm[, "Ii"],
                     lisa_p_sim = lm[, "Pr(z != E(Ii)) Sim"]), args[3], row.names = FALSE)
