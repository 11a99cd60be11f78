/** Calcite glue: the schema over DuckDB with one view per cube, planner rules, plans kept as DuckDB SQL, pooled statements. */
package id.sorot.cube.calcite;
