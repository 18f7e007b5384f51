-- The two PostgreSQL roles of the service (docs/security.md, least privilege), idempotent:
--   owner: owns the database and the schema, runs the Flyway migrations (quarkus.flyway.username)
--   app:   what the running service connects as (quarkus.datasource.username): LOGIN, no superuser,
--          no CREATEDB/CREATEROLE, DML only on the service's tables (granted by the migrations'
--          afterMigrate callback and by the default privileges below), no DDL, read-only on
--          flyway_schema_history.
-- Run as a superuser (or a role with CREATEROLE and CREATEDB):
--   psql -v owner=booking_owner -v owner_password=... -v app=booking_app -v app_password=... \
--        -v set_passwords=false -v database=concert_booking -f scripts/db-roles.sql
-- (scripts/db-roles.sh passes these from the environment.)
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'owner', :'owner_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
-- existing roles are brought back to these attributes (someone may have widened them)
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT', :'app') \gexec
-- passwords of existing roles change only when asked (-v set_passwords=true)
\if :set_passwords
SELECT format('ALTER ROLE %I PASSWORD %L', :'owner', :'owner_password') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'app', :'app_password') \gexec
\endif

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'owner') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'app') \gexec

\connect :database
-- only the owner creates objects in the schema; the app may use it
SELECT format('ALTER SCHEMA public OWNER TO %I', :'owner') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app') \gexec
-- tables and sequences the owner creates later (migrations) are usable by the app at once
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
              :'owner', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
              :'owner', :'app') \gexec
