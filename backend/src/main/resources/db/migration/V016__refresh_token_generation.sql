-- Each refresh token carries the account's token generation it was issued at, and a refresh is refused
-- when the account has moved on: a refresh racing a sign-out or role change cannot hand out a token that
-- outlives it (decision 0008). Tokens already issued take their account's current generation.
ALTER TABLE refresh_token ADD COLUMN token_generation INT NOT NULL DEFAULT 0;
UPDATE refresh_token SET token_generation = (SELECT a.token_generation FROM account a WHERE a.id = refresh_token.account_id);
