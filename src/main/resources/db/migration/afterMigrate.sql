-- Flyway callback, run by the owner role after every migrate (also when nothing was pending):
-- the app role (quarkus.datasource.username) gets DML on every table and sequence of the schema,
-- and only SELECT on Flyway's history, so the running service can neither change the schema nor
-- rewrite which migrations ran. Skipped when the app connects as the migrating role itself
-- (dev mode, one role for both) or when that role does not exist.
DO $$
BEGIN
    IF '${app_role}' <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE %I.%I FROM %I',
                       current_schema(), '${flyway:table}', '${app_role}');
    END IF;
END
$$;
