/**
 * The plan side of SAKIP: an OPD's pohon kinerja as a tree of nodes with their indicators and
 * targets, the capaian of the IKU they name, and the cascade's health (what the Perencanaan
 * component of AKIP judges). Read through the cubes.
 */
package id.sorot.pohon;
