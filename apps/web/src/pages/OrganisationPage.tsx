import { Alert, Button, Card, Group, Modal, MultiSelect, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api';
import { Person, Role, Unit, useCreatePerson, useCreateSubstitute, useCreateUnit, usePeople, useResetPassword, useSetAbbreviation, useSetActive, useSetHead, useUnits } from '../resources/organisation';
import { useAuth } from '../auth';
import { ChartImportCard } from '../components/ChartImportCard';
import { personChoices } from '../directory';
import { errorText } from '../format';


const ROLES: Role[] = ['coordinator', 'owner', 'executive', 'viewer', 'admin'];
const isAdmin = (who: { roles: string[] } | null | undefined) => Boolean(who?.roles.includes('admin'));

/**
 * Organisation admin: units with their heads, people with roles, substitutes. Coordinators manage
 * people; the admin role and passwords are the admin's (the API says so too: ADMIN_ONLY).
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const units = useUnits();
  const people = usePeople();
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '–';
  const everyone = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const choices = (chosen: Array<string | null> = []) => personChoices(people.data ?? [], chosen.filter((id): id is string => Boolean(id)), t('organisation.deactivated'));
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack>
      <Title order={1}>{t('organisation.title')}</Title>
      {(units.error || people.error) && <Alert color="red" role="alert">{errorText(units.error ?? people.error)}</Alert>}
      <Title order={2} size="h3">{t('organisation.units')}</Title>
      {units.data?.length === 0 && <Text>{t('organisation.noUnits')}</Text>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.unit')}</Table.Th>
            <Table.Th scope="col">{t('organisation.abbreviation')}</Table.Th>
            <Table.Th scope="col">{t('organisation.parent')}</Table.Th>
            <Table.Th scope="col">{t('organisation.head')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(units.data ?? []).map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td>{unit.name}</Table.Td>
              <Table.Td><AbbreviationField unit={unit} /></Table.Td>
              <Table.Td>{unitName(unit.parentId)}</Table.Td>
              <Table.Td><HeadSelect unit={unit} options={choices([unit.headPersonId])} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewUnit options={unitOptions} />
      {(me?.roles.includes('coordinator') || me?.roles.includes('admin')) && <ChartImportCard />}
      <Title order={2} size="h3">{t('organisation.people')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.name')}</Table.Th>
            <Table.Th scope="col">{t('organisation.email')}</Table.Th>
            <Table.Th scope="col">{t('organisation.unit')}</Table.Th>
            <Table.Th scope="col">{t('organisation.roles')}</Table.Th>
            <Table.Th scope="col">{t('organisation.status')}</Table.Th>
            <Table.Th scope="col">{t('organisation.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>{unitName(p.unitId)}</Table.Td>
              <Table.Td>{p.roles.map((r) => t(`organisation.role.${r}`)).join(', ')}</Table.Td>
              <Table.Td>{p.deactivatedAt ? t('organisation.deactivatedStatus') : t('organisation.active')}</Table.Td>
              <Table.Td><PersonActions person={p} me={me ?? null} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewPerson units={unitOptions} admin={isAdmin(me)} />
      <NewSubstitute absent={everyone} substitutes={choices()} />
    </Stack>
  );
}

function HeadSelect({ unit, options }: { unit: Unit; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const save = useSetHead(unit.id);
  return (
    <Stack gap={2}>
      <Select aria-label={t('organisation.headOf', { unit: unit.name })} data={options} value={unit.headPersonId} onChange={(v) => save.mutate(v)} clearable searchable />
      {save.error && <Text c="red.8" size="sm" role="alert">{errorText(save.error)}</Text>}
    </Stack>
  );
}

/** The abbreviation, saved when the field is left or Enter is pressed, if it changed. */
function AbbreviationField({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const save = useSetAbbreviation(unit.id);
  const [value, setValue] = useState(unit.abbreviation ?? '');
  const store = () => {
    const next = value.trim() || null;
    if (next !== (unit.abbreviation ?? null)) save.mutate(next);
  };
  return (
    <Stack gap={2}>
      <TextInput
        aria-label={t('organisation.abbreviationOf', { unit: unit.name })}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onBlur={store}
        onKeyDown={(e) => e.key === 'Enter' && store()}
        maxLength={40}
        w="8rem"
      />
      {save.isSuccess && <Text size="sm" role="status">{t('organisation.abbreviationSaved')}</Text>}
      {save.error && <Text c="red.8" size="sm" role="alert">{errorText(save.error)}</Text>}
    </Stack>
  );
}

function NewUnit({ options }: { options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const create = useCreateUnit(() => {
    setName('');
    setAbbreviation('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, parentId: parentId ?? undefined, abbreviation: abbreviation.trim() || undefined });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('organisation.newUnit')}>
        <Stack>
          <Title order={3} size="h5">{t('organisation.newUnit')}</Title>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('organisation.unit')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <TextInput label={t('organisation.abbreviation')} description={t('organisation.abbreviationHint')} value={abbreviation} onChange={(e) => setAbbreviation(e.currentTarget.value)} maxLength={40} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            <Select label={t('organisation.parent')} data={options} value={parentId} onChange={setParentId} clearable />
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Deactivate or reactivate (not oneself; an admin only by admins), and for admins a new password. */
function PersonActions({ person, me }: { person: Person; me: Me | null }) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const toggle = useSetActive(person);
  if (!me || me.id === person.id || (isAdmin(person) && !isAdmin(me))) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs" wrap="wrap">
        <Button size="xs" variant="default" loading={toggle.isPending} onClick={() => toggle.mutate()} aria-label={t(person.deactivatedAt ? 'organisation.reactivateWho' : 'organisation.deactivateWho', { name: person.name })}>
          {t(person.deactivatedAt ? 'organisation.reactivate' : 'organisation.deactivate')}
        </Button>
        {isAdmin(me) && (
          <Button size="xs" variant="default" onClick={() => setResetting(true)} aria-label={t('organisation.resetPasswordWho', { name: person.name })}>
            {t('organisation.resetPassword')}
          </Button>
        )}
      </Group>
      {toggle.error && <Text c="red.8" size="sm" role="alert">{errorText(toggle.error)}</Text>}
      <Modal opened={resetting} onClose={() => setResetting(false)} title={t('organisation.resetPasswordWho', { name: person.name })} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
        <ResetPassword person={person} />
      </Modal>
    </Stack>
  );
}

function ResetPassword({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useResetPassword(person.id, () => setPassword(''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(password);
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {reset.error && <Alert color="red" role="alert">{errorText(reset.error)}</Alert>}
        {reset.isSuccess && <Alert color="green" role="status">{t('organisation.passwordSet', { name: person.name })}</Alert>}
        <PasswordInput label={t('organisation.newPassword')} autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
        <Button type="submit" loading={reset.isPending} style={{ alignSelf: 'flex-start' }}>{t('tasks.save')}</Button>
      </Stack>
    </form>
  );
}

function NewPerson({ units, admin }: { units: Array<{ value: string; label: string }>; admin: boolean }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', email: '', unitId: null as string | null, roles: ['owner'] as Role[], password: '' });
  const create = useCreatePerson(() => setForm({ name: '', email: '', unitId: null, roles: ['owner'] as Role[], password: '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, unitId: form.unitId ?? undefined, password: form.password || undefined });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('organisation.newPerson')}>
        <Stack>
          <Title order={3} size="h5">{t('organisation.newPerson')}</Title>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('organisation.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
            <TextInput label={t('organisation.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} required />
            <Select label={t('organisation.unit')} data={units} value={form.unitId} onChange={(v) => setForm({ ...form, unitId: v })} clearable />
            <MultiSelect
              label={t('organisation.roles')}
              data={ROLES.filter((r) => admin || r !== 'admin').map((r) => ({ value: r, label: t(`organisation.role.${r}`) }))}
              value={form.roles}
              onChange={(roles) => setForm({ ...form, roles })}
            />
            {admin && <PasswordInput label={t('organisation.password')} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />}
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewSubstitute({ absent, substitutes }: { absent: Array<{ value: string; label: string }>; substitutes: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ personId: null as string | null, substitutePersonId: null as string | null, startsOn: '', endsOn: '' });
  const create = useCreateSubstitute();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ personId: form.personId ?? '', substitutePersonId: form.substitutePersonId ?? '', startsOn: form.startsOn, endsOn: form.endsOn });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('organisation.newSubstitute')}>
        <Stack>
          <Title order={3} size="h5">{t('organisation.newSubstitute')}</Title>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          {create.isSuccess && <Alert color="green" role="status">{t('organisation.substituteSaved')}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <Select label={t('organisation.absent')} data={absent} value={form.personId} onChange={(v) => setForm({ ...form, personId: v })} searchable required />
            <Select label={t('organisation.substitute')} data={substitutes} value={form.substitutePersonId} onChange={(v) => setForm({ ...form, substitutePersonId: v })} searchable required />
            <TextInput label={t('organisation.from')} type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} required />
            <TextInput label={t('organisation.to')} type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} required />
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
