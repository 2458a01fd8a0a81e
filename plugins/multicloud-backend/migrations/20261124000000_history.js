// @ts-check

/**
 * Metric history of the fleet: raw samples per cluster and tick, hourly and daily
 * roll-ups. The unique keys make a sampling tick or a roll-up idempotent, so replicas
 * sharing a database never write a sample twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const sampleColumns = table => {
    table.string('cluster_ref', 512).notNullable();
    table.string('cloud', 16).notNullable();
    table.string('region', 64).nullable();
    table.string('owner', 255).nullable();
    table.string('environment', 64).nullable();
    table.bigInteger('bucket_start').notNullable().comment('epoch ms of the sample or bucket start');
  };

  await knex.schema.createTable('multicloud_samples', table => {
    table.comment('One row per cluster and sampling tick; kept 48 hours');
    sampleColumns(table);
    table.string('verdict', 16).notNullable();
    table.string('phase', 32).nullable();
    table.integer('machines_total').notNullable();
    table.integer('machines_running').notNullable();
    table.text('machines_by_phase').notNullable().comment('JSON object phase -> count');
    table.double('cost_per_hour').nullable().comment('null when no price is known');
    table.integer('compliance_failures').nullable();
    table.primary(['cluster_ref', 'bucket_start']);
    table.index(['bucket_start'], 'multicloud_samples_bucket_idx');
  });

  for (const [name, comment] of [
    ['multicloud_rollups_hourly', 'Hourly roll-ups of multicloud_samples; kept 90 days'],
    ['multicloud_rollups_daily', 'Daily roll-ups of the hourly table; kept 2 years'],
  ]) {
    await knex.schema.createTable(name, table => {
      table.comment(comment);
      sampleColumns(table);
      table.integer('samples').notNullable();
      table.integer('healthy').notNullable().comment('samples with verdict healthy');
      table.integer('degraded').notNullable();
      table.integer('unhealthy').notNullable();
      table.integer('other').notNullable().comment('provisioning, deleting, unknown');
      table.double('machines_total_avg').notNullable();
      table.double('machines_running_avg').notNullable();
      table.double('cost_per_hour_avg').nullable();
      table.double('cost_per_hour_max').nullable();
      table.integer('compliance_failures_max').nullable();
      table.primary(['cluster_ref', 'bucket_start']);
      table.index(['bucket_start'], `${name}_bucket_idx`);
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('multicloud_rollups_daily');
  await knex.schema.dropTable('multicloud_rollups_hourly');
  await knex.schema.dropTable('multicloud_samples');
};
