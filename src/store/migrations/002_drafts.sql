-- Drafts of consultation responses and their versions. A draft row holds what does not change between versions;
-- every generation or edit is a new draft_versions row, never an update, so the audit trail is complete:
-- who drafted with which provider, model and prompt versions, from which passages, and what the verifier said.
CREATE TABLE drafts (
  id              text PRIMARY KEY,
  title           text NOT NULL,
  organisation    text NOT NULL,
  -- The consultation as given (title, issuer, reference, deadline, questions, background).
  consultation    jsonb NOT NULL,
  latest_version  int  NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_organisation_idx ON drafts (lower(organisation));
CREATE INDEX drafts_updated_idx ON drafts (updated_at DESC);

CREATE TABLE draft_versions (
  draft_id              text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  version               int  NOT NULL,
  -- generated: written by a drafter; edited: a person's revision (PUT), re-verified.
  origin                text NOT NULL CHECK (origin IN ('generated', 'edited')),
  -- The full request (consultation, organisation, length, language) this version answers.
  request               jsonb NOT NULL,
  provider              text NOT NULL,
  model                 text NOT NULL,
  -- id@version of every prompt used, e.g. ["draft@1", "chat-citations@1"].
  prompt_versions       text[] NOT NULL DEFAULT '{}',
  retrieved_passage_ids text[] NOT NULL DEFAULT '{}',
  -- The structured draft (sections → paragraphs → sentences → citations) and its Markdown form.
  structured            jsonb NOT NULL,
  markdown              text NOT NULL,
  verification          jsonb NOT NULL,
  verification_ok       boolean NOT NULL,
  -- Token counts (input, output, cache reads and writes) and timings in milliseconds.
  usage                 jsonb NOT NULL DEFAULT '{}',
  timings               jsonb NOT NULL DEFAULT '{}',
  created_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (draft_id, version)
);
