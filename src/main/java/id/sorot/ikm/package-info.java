/** Public satisfaction (IKM) of service units compared, with the mutu bands of PermenPANRB 14/2017. */
package id.sorot.ikm;
