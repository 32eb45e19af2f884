"use client";

import { CopyIcon, KeyRoundIcon, TriangleAlertIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { CodeDialog } from "@/components/distribution/board/code-dialog";
import { StepUpCancelled, useStepUpRequest } from "@/components/distribution/hooks/use-step-up-request";
import { ApiError } from "@/components/distribution/logic/api-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { apiKeyScopes, type ApiKeyScope } from "@/lib/api-keys/scopes";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./use-api-keys";

const scopeHints: Record<ApiKeyScope, string> = {
  "members:write": "PUT /api/admin/members",
  "stakes:write": "PUT /api/admin/stakes",
  "payouts:read": "payouts.csv exports",
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

function NewKeyAlert({ created, onDone }: { created: { name: string; key: string }; onDone: () => void }) {
  return (
    <Alert tone="warning" role="alert">
      <KeyRoundIcon aria-hidden />
      <AlertTitle>Copy the key for {created.name} now: it is not shown again</AlertTitle>
      <AlertDescription className="grid gap-2">
        <code className="break-all rounded bg-muted px-2 py-1 font-mono text-sm" data-testid="new-api-key">
          {created.key}
        </code>
        <div className="flex gap-2">
          <Button type="button" size="sm" variant="outline" onClick={() => void navigator.clipboard?.writeText(created.key)}>
            <CopyIcon aria-hidden /> Copy
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={onDone}>
            I have stored it
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (created: { name: string; key: string }) => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUpRequest();
  const create = useCreateApiKey();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await stepUp.run((twoFactorCode) => create.mutateAsync({ name: name.trim(), scopes, twoFactorCode }));
      onCreated({ name: result.apiKey.name, key: result.key });
      setName("");
      setScopes([]);
    } catch (caught) {
      if (caught instanceof StepUpCancelled) return;
      setError(caught instanceof ApiError ? caught.message : "The key could not be created. Try again.");
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4" aria-label="Create an API key" noValidate>
      <Field label="Name" htmlFor="api-key-name" hint="Who or what uses it, e.g. platform sync" error={error ?? undefined}>
        <Input
          id="api-key-name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(error)}
        />
      </Field>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {apiKeyScopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) =>
                setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))
              }
            />
            <span className="font-mono">{scope}</span>
            <span className="text-muted-foreground">— {scopeHints[scope]}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={create.isPending}>
          Create key
        </Button>
      </div>
      <CodeDialog state={stepUp.dialog} onSubmit={stepUp.submitCode} onCancel={stepUp.cancel} />
    </form>
  );
}

function KeyList() {
  const keys = useApiKeys();
  const stepUp = useStepUpRequest();
  const revoke = useRevokeApiKey();

  async function revokeKey(id: number, name: string) {
    if (!window.confirm(`Revoke the key ${name}? Whatever uses it stops working at once.`)) return;
    try {
      const result = await stepUp.run((twoFactorCode) => revoke.mutateAsync({ id, twoFactorCode }));
      toast.success(result.message);
    } catch (caught) {
      if (caught instanceof StepUpCancelled) return;
      toast.error(caught instanceof ApiError ? caught.message : "The key could not be revoked.");
    }
  }

  if (keys.isPending) return <Skeleton className="h-24 w-full" />;
  if (keys.isError)
    return (
      <Alert tone="danger" role="alert">
        <TriangleAlertIcon aria-hidden />
        <AlertTitle>The keys could not be loaded</AlertTitle>
        <AlertDescription>{keys.error instanceof ApiError ? keys.error.message : "Try again."}</AlertDescription>
      </Alert>
    );
  if (keys.data.apiKeys.length === 0) return <p className="text-sm text-muted-foreground">No API keys yet.</p>;
  return (
    <>
      <Table aria-label="API keys">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Scopes</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>State</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.data.apiKeys.map((key) => (
            <TableRow key={key.id}>
              <TableCell className="font-medium">{key.name}</TableCell>
              <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
              <TableCell className="font-mono text-xs">{key.scopes.join(", ")}</TableCell>
              <TableCell title={key.createdByEmail ?? undefined}>{when(key.createdAt)}</TableCell>
              <TableCell>{when(key.lastUsedAt)}</TableCell>
              <TableCell>
                {key.revokedAt ? (
                  <Badge tone="neutral">Revoked {when(key.revokedAt)}</Badge>
                ) : (
                  <Button type="button" size="sm" variant="outline" onClick={() => void revokeKey(key.id, key.name)}>
                    Revoke
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <CodeDialog state={stepUp.dialog} onSubmit={stepUp.submitCode} onCancel={stepUp.cancel} />
    </>
  );
}

/** Settings › API keys: the keys machines use for the integration routes (decision 021). */
export function ApiKeysView() {
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  return (
    // One column that may shrink below the keys table's width: the table scrolls inside its card on a phone.
    <div className="grid grid-cols-1 gap-4">
      {created && <NewKeyAlert created={created} onDone={() => setCreated(null)} />}
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>
            A key may only feed members and stakes in and read payouts; it can never queue, change, add or retry slots, nor change settings.
            Creating and revoking keys need a two-factor code.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateKeyForm onCreated={setCreated} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent>
          <KeyList />
        </CardContent>
      </Card>
    </div>
  );
}
