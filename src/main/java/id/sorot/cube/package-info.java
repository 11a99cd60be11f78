/** Cube definitions from cubes/*.yml, their catalog and validation, and the query service over Calcite. */
package id.sorot.cube;
