/** What Strapi passes to a document-service middleware (see strapi.documents.use). */
export interface DocumentContext {
  uid: string;
  action: string;
  params: Record<string, any>;
}

export type Next = () => Promise<any>;

export type DocumentMiddleware = (ctx: DocumentContext, next: Next) => Promise<any>;
