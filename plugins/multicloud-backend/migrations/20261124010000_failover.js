// @ts-check

/**
 * Failover: runs and their steps (a state machine the executor resumes after a restart),
 * circuit-breaker state and transitions per cluster, and one lease row per primary cluster
 * so only one executor works on a cluster across replicas. Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('multicloud_failover_runs', table => {
    table.comment(
      'Failover and failback runs: pending -> running -> succeeded | failed | cancelled',
    );
    table.string('id', 64).primary();
    table
      .string('cluster_ref', 512)
      .notNullable()
      .comment('the primary cluster');
    table
      .string('target_ref', 512)
      .notNullable()
      .comment('the standby cluster');
    table.string('action', 16).notNullable().comment('failover | failback');
    table.string('status', 16).notNullable();
    // Equal to cluster_ref while the run is pending or running, null afterwards: the unique
    // index allows one active run per cluster (NULLs never collide, on SQLite and Postgres).
    table
      .string('active_cluster_ref', 512)
      .nullable()
      .unique({ indexName: 'multicloud_failover_runs_active_uniq' });
    table.string('actor', 512).notNullable();
    table
      .string('mode', 16)
      .notNullable()
      .comment('manual (a person) | automatic (the monitor)');
    table.text('plan').notNullable().comment('JSON FailoverPlan');
    table.boolean('cancel_requested').notNullable().defaultTo(false);
    table.text('error').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').nullable();
    table.index(
      ['cluster_ref', 'created_at'],
      'multicloud_failover_runs_cluster_idx',
    );
    table.index(['status'], 'multicloud_failover_runs_status_idx');
  });

  await knex.schema.createTable('multicloud_failover_run_steps', table => {
    table.comment('Execution state of each plan step of a run');
    table
      .string('run_id', 64)
      .notNullable()
      .references('id')
      .inTable('multicloud_failover_runs')
      .onDelete('CASCADE');
    table.integer('step_index').notNullable();
    table.string('step_id', 1024).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | running | succeeded | failed | skipped | cancelled');
    table.integer('attempts').notNullable().defaultTo(0);
    table
      .text('patch')
      .nullable()
      .comment(
        'JSON merge patch actually sent (with its resourceVersion precondition)',
      );
    table
      .text('revert')
      .nullable()
      .comment('JSON merge patch restoring the fields before the first write');
    table.text('result').nullable();
    table.text('error').nullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').nullable();
    table.primary(['run_id', 'step_index']);
  });

  await knex.schema.createTable('multicloud_failover_breakers', table => {
    table.comment('Circuit-breaker state per cluster with a failover policy');
    table.string('cluster_ref', 512).primary();
    table
      .string('position', 16)
      .notNullable()
      .comment('closed | open | half-open');
    table.integer('consecutive_failures').notNullable();
    table.integer('consecutive_successes').notNullable();
    table.bigInteger('unhealthy_since').nullable();
    table.bigInteger('healthy_since').nullable();
    table.bigInteger('opened_at').nullable();
    table.string('last_verdict', 16).notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable(
    'multicloud_failover_breaker_transitions',
    table => {
      table.comment('Audit trail of circuit-breaker transitions');
      table.increments('id');
      table.string('cluster_ref', 512).notNullable();
      table.string('from_position', 16).notNullable();
      table.string('to_position', 16).notNullable();
      table.string('verdict', 16).notNullable();
      table.text('reason').notNullable();
      table.bigInteger('at').notNullable();
      table.index(
        ['cluster_ref', 'at'],
        'multicloud_failover_transitions_cluster_idx',
      );
    },
  );

  await knex.schema.createTable('multicloud_failover_leases', table => {
    table.comment(
      'One executor per primary cluster across replicas: holder and expiry',
    );
    table.string('cluster_ref', 512).primary();
    table.string('holder', 255).notNullable();
    table.bigInteger('expires_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('multicloud_failover_leases');
  await knex.schema.dropTable('multicloud_failover_breaker_transitions');
  await knex.schema.dropTable('multicloud_failover_breakers');
  await knex.schema.dropTable('multicloud_failover_run_steps');
  await knex.schema.dropTable('multicloud_failover_runs');
};
