/** Calcite glue: the schema over DuckDB with one view per cube, planner rules, pooled cached statements. */
package id.sorot.cube.calcite;
