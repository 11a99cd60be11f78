/** AKIP: rankings of OPDs by their accountability evaluation, and the views that show them. */
package id.sorot.akip;
