-- Who may see a document: public (the organisation's published positions) or internal (board papers, drafts).
-- Set on upload; documents stored before this migration were all published material.
ALTER TABLE documents ADD COLUMN visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal'));
