/** The deviasi view. */
package id.sorot.realisasi.ui;
