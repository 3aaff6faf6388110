// Names the official chart 1.16.0 renders, per naming mode × Airflow 2/3 (release "prod", chart defaults otherwise).
// Each field's citation is CITES["1.16"][field] in naming-cites.ts (charts/airflow/1.16.0/templates/<file>:<line>);
// the last test opens every cited line. 1.16 facts: the fernet key, redis password and broker URL keep
// `<release>-…` (_helpers.yaml:396, :404, :123); the webserver secret key is used for Airflow 3 too
// (_helpers.yaml:94, no version condition); no JWT or API secret key exists; ServiceAccounts use
// `airflow.serviceAccountName` (_helpers.yaml:40), which ignores useStandardNaming.
import { CITES } from "./naming-cites";
import { describeNameCases, nameCase } from "./test-support";

const AF2 = (F: string, S: string) => `
  fullname                              ${F}
  configMap                             ${F}-config
  metadataSecret                        ${F}-metadata
  fernetKeySecret                       prod-fernet-key
  webserverSecretKeySecret              ${F}-webserver-secret-key
  apiSecretKeySecret                    -
  jwtSecret                             -
  jwtSecretReferenced                   -
  redisPasswordSecret                   prod-redis-password
  brokerUrlSecret                       prod-broker-url
  brokerUrlSecretReferenced             prod-broker-url
  resultBackendSecret                   -
  sshSecret                             -
  workloads.scheduler                   Deployment ${F}-scheduler
  workloads.webserver                   Deployment ${F}-webserver
  workloads.triggerer                   StatefulSet ${F}-triggerer
  workloads.worker                      StatefulSet ${F}-worker
  workloads.statsd                      Deployment ${F}-statsd
  workloads.redis                       StatefulSet ${F}-redis
  serviceAccounts.scheduler             ${S}-scheduler
  serviceAccounts.webserver             ${S}-webserver
  serviceAccounts.triggerer             ${S}-triggerer
  serviceAccounts.worker                ${S}-worker
  serviceAccounts.statsd                ${S}-statsd
  serviceAccounts.redis                 ${S}-redis
  serviceAccounts.migrate-database-job  ${S}-migrate-database-job
  serviceAccounts.create-user-job       ${S}-create-user-job
  services.statsd                       ${F}-statsd
  services.webserver                    ${F}-webserver
  services.redis                        ${F}-redis
  services.postgresql                   prod-postgresql
  postgresqlStatefulSet                 prod-postgresql
  jobs.migrateDatabase                  ${F}-run-airflow-migrations
  jobs.createUser                       ${F}-create-user
`;

const AF3 = (F: string, S: string) => `
  fullname                              ${F}
  configMap                             ${F}-config
  metadataSecret                        ${F}-metadata
  fernetKeySecret                       prod-fernet-key
  webserverSecretKeySecret              ${F}-webserver-secret-key
  apiSecretKeySecret                    -
  jwtSecret                             -
  jwtSecretReferenced                   -
  redisPasswordSecret                   prod-redis-password
  brokerUrlSecret                       prod-broker-url
  brokerUrlSecretReferenced             prod-broker-url
  workloads.scheduler                   Deployment ${F}-scheduler
  workloads.api-server                  Deployment ${F}-api-server
  workloads.triggerer                   StatefulSet ${F}-triggerer
  workloads.dag-processor               Deployment ${F}-dag-processor
  workloads.worker                      StatefulSet ${F}-worker
  workloads.statsd                      Deployment ${F}-statsd
  workloads.redis                       StatefulSet ${F}-redis
  serviceAccounts.scheduler             ${S}-scheduler
  serviceAccounts.api-server            ${S}-api-server
  serviceAccounts.triggerer             ${S}-triggerer
  serviceAccounts.dag-processor         ${S}-dag-processor
  serviceAccounts.worker                ${S}-worker
  serviceAccounts.statsd                ${S}-statsd
  serviceAccounts.redis                 ${S}-redis
  serviceAccounts.migrate-database-job  ${S}-migrate-database-job
  serviceAccounts.create-user-job       ${S}-create-user-job
  services.statsd                       ${F}-statsd
  services.apiServer                    ${F}-api-server
  services.redis                        ${F}-redis
  services.postgresql                   prod-postgresql
  jobs.migrateDatabase                  ${F}-run-airflow-migrations
  jobs.createUser                       ${F}-create-user
`;

describeNameCases(
  "chart 1.16 names",
  [
    nameCase("1.16", "default", 2, "prod-airflow", AF2("prod", "prod-airflow")),
    nameCase("1.16", "standard", 2, "prod-airflow", AF2("prod-airflow", "prod-airflow")),
    nameCase("1.16", "override", 2, "af-main", AF2("af-main", "af-main")),
    nameCase("1.16", "default", 3, "prod-airflow", AF3("prod", "prod-airflow")),
    nameCase("1.16", "standard", 3, "prod-airflow", AF3("prod-airflow", "prod-airflow")),
    nameCase("1.16", "override", 3, "af-main", AF3("af-main", "af-main")),
  ],
  CITES,
);
