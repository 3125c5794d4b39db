-- The organisations the configuration names (API_TOKENS_ORGANISATIONS, OIDC_REGISTER_ORGANISATION), as the last
-- start read them: known names for the one-spelling rule (store/organisations.ts knownOrganisationNames) before any
-- document or member carries them. Without them an upload under another spelling of a configured organisation got
-- in, and the next start stopped on the clash. Replaced whole at every start (bootstrap/configOrganisations.ts).
CREATE TABLE configured_organisations (
  name text PRIMARY KEY
);
