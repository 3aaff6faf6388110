// Names the official chart 1.18.0 renders, per naming mode × Airflow 2/3 (release "prod", chart defaults otherwise).
// Each field's citation is CITES["1.18"][field] in naming-cites.ts (charts/airflow/1.18.0/templates/<file>:<line>);
// the last test opens every cited line. 1.18 facts: the webserver secret key only for Airflow < 3 (_helpers.yaml:94,
// secrets/webserver-secret-key-secret.yaml:23); the API secret key `<fullname>-api-secret-key` for Airflow ≥ 3
// (_helpers.yaml:101, :422); the JWT Secret is `<release>-jwt-secret` both rendered and read (jwt-secret.yaml:29
// uses the jwt_secret helper, _helpers.yaml:414); fernet key, redis password and broker URL keep `<release>-…`.
import { CITES } from "./naming-cites";
import { describeNameCases, nameCase } from "./test-support";

const COMMON = (F: string, S: string) => `
  fullname                              ${F}
  configMap                             ${F}-config
  metadataSecret                        ${F}-metadata
  fernetKeySecret                       prod-fernet-key
  redisPasswordSecret                   prod-redis-password
  brokerUrlSecret                       prod-broker-url
  brokerUrlSecretReferenced             prod-broker-url
  workloads.scheduler                   Deployment ${F}-scheduler
  workloads.triggerer                   StatefulSet ${F}-triggerer
  workloads.worker                      StatefulSet ${F}-worker
  workloads.statsd                      Deployment ${F}-statsd
  workloads.redis                       StatefulSet ${F}-redis
  serviceAccounts.scheduler             ${S}-scheduler
  serviceAccounts.triggerer             ${S}-triggerer
  serviceAccounts.worker                ${S}-worker
  serviceAccounts.statsd                ${S}-statsd
  serviceAccounts.redis                 ${S}-redis
  serviceAccounts.migrate-database-job  ${S}-migrate-database-job
  serviceAccounts.create-user-job       ${S}-create-user-job
  services.statsd                       ${F}-statsd
  services.redis                        ${F}-redis
  services.postgresql                   prod-postgresql
  jobs.migrateDatabase                  ${F}-run-airflow-migrations
  jobs.createUser                       ${F}-create-user
`;

const AF2 = (F: string, S: string) => `${COMMON(F, S)}
  webserverSecretKeySecret              ${F}-webserver-secret-key
  apiSecretKeySecret                    -
  jwtSecret                             -
  jwtSecretReferenced                   -
  workloads.webserver                   Deployment ${F}-webserver
  serviceAccounts.webserver             ${S}-webserver
  services.webserver                    ${F}-webserver
`;

const AF3 = (F: string, S: string) => `${COMMON(F, S)}
  webserverSecretKeySecret              -
  apiSecretKeySecret                    ${F}-api-secret-key
  jwtSecret                             prod-jwt-secret
  jwtSecretReferenced                   prod-jwt-secret
  workloads.api-server                  Deployment ${F}-api-server
  workloads.dag-processor               Deployment ${F}-dag-processor
  serviceAccounts.api-server            ${S}-api-server
  serviceAccounts.dag-processor         ${S}-dag-processor
  services.apiServer                    ${F}-api-server
`;

describeNameCases(
  "chart 1.18 names",
  [
    nameCase("1.18", "default", 2, "prod-airflow", AF2("prod", "prod-airflow")),
    nameCase("1.18", "standard", 2, "prod-airflow", AF2("prod-airflow", "prod-airflow")),
    nameCase("1.18", "override", 2, "af-main", AF2("af-main", "af-main")),
    nameCase("1.18", "default", 3, "prod-airflow", AF3("prod", "prod-airflow")),
    nameCase("1.18", "standard", 3, "prod-airflow", AF3("prod-airflow", "prod-airflow")),
    nameCase("1.18", "override", 3, "af-main", AF3("af-main", "af-main")),
  ],
  CITES,
);
