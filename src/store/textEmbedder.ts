/** The embedder shape every stage uses: LangChain's Embeddings methods plus the model's identity. */
export interface TextEmbedder {
  readonly model: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
