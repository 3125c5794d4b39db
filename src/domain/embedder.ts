/**
 * The one embedder interface: LangChain's Embeddings methods plus the model's identity, which the store records
 * with the vectors so vectors of two models never mix. Stages that need less take a Pick of it, so a test can
 * hand the search a bare `{ embedQuery }`.
 */
export interface TextEmbedder {
  readonly model: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** What search needs: a vector for the query. */
export type QueryEmbedder = Pick<TextEmbedder, 'embedQuery'>;

/** What the store needs to fill passages.embedding: the documents' vectors and the model that made them. */
export type VectorEmbedder = Pick<TextEmbedder, 'model' | 'dimension' | 'embedDocuments'>;

/** What the extractive drafter needs to rank sentences against a question. */
export type SentenceEmbedder = Pick<TextEmbedder, 'embedQuery' | 'embedDocuments'>;
