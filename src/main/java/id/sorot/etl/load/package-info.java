/** One load, step by step: parameters, the streaming insert, reading in one pass or in parallel, the source's totals, duplicates, replacing what the same data loaded before, and the batch ledger; the Loader puts the steps in order. */
package id.sorot.etl.load;
