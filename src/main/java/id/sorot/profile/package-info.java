/** One OPD on one page: its AKIP history and components, IKU, realisasi, IKM units and disagreements. */
package id.sorot.profile;
