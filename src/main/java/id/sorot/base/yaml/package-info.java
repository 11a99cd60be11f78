/** Strict reading of YAML definition files (cubes, ETL jobs, reference data): unknown keys are errors. */
package id.sorot.base.yaml;
