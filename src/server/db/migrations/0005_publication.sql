CREATE TABLE "publications" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"decision" text DEFAULT 'undecided' NOT NULL,
	"decision_reason" text,
	"form" text,
	"form_reason" text,
	"panel_notice_sent_on" date,
	"dfe_notice_sent_on" date,
	"planned_publication_date" date,
	"published_on" date,
	"url" text,
	"removal_date" date,
	"repository_sent_on" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;