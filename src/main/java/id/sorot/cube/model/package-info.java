/**
 * What a cube is and what is asked of it: definitions, queries and results, and {@code CubeSql}, the
 * one SQL generator, which writes both a query's SQL and the view behind each cube for JDBC clients.
 * The Calcite glue and the service both build on it.
 */
package id.sorot.cube.model;
