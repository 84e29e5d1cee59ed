-- Issuer whose /.well-known/jwks.json holds the keys of JWS-signed webhooks (AppFolio).
alter table connection add column webhook_issuer_url varchar(500);
