// @ts-check

/**
 * One row per sampling tick: the replica whose insert creates the row owns the tick and
 * writes its samples in the same transaction, so a tick is sampled once even when the
 * scheduler wakes several times, or on several replicas, within it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('multicloud_history_ticks', table => {
    table.comment('Sampling ticks taken; kept as long as multicloud_samples');
    table.bigInteger('bucket_start').notNullable().primary().comment('epoch ms of the tick');
    table.integer('clusters').notNullable().comment('samples written for the tick');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('multicloud_history_ticks');
};
