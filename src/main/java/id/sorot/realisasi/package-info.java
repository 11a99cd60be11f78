/** Realisasi keuangan and fisik against plan, deviasi with early-warning thresholds, triwulan curves. */
package id.sorot.realisasi;
