import { Alert, Button, Card, Group, MultiSelect, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { errorText } from '../format';

interface Unit {
  id: string;
  name: string;
  parentId: string | null;
  headPersonId: string | null;
}
interface Person {
  id: string;
  name: string;
  email: string;
  unitId: string | null;
  roles: string[];
}

const ROLES = ['coordinator', 'owner', 'executive', 'viewer', 'admin'];

/** Organisation admin: units with their heads, people with roles, substitutes. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<Unit[]>('GET', '/api/units') });
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<Person[]>('GET', '/api/people') });
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '–';
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack>
      <Title order={1}>{t('organisation.title')}</Title>
      {(units.error || people.error) && <Alert color="red" role="alert">{errorText(units.error ?? people.error)}</Alert>}
      <Title order={2} size="h3">{t('organisation.units')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.unit')}</Table.Th>
            <Table.Th scope="col">{t('organisation.parent')}</Table.Th>
            <Table.Th scope="col">{t('organisation.head')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(units.data ?? []).map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td>{unit.name}</Table.Td>
              <Table.Td>{unitName(unit.parentId)}</Table.Td>
              <Table.Td><HeadSelect unit={unit} options={personOptions} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewUnit options={unitOptions} />
      <Title order={2} size="h3">{t('organisation.people')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.name')}</Table.Th>
            <Table.Th scope="col">{t('organisation.email')}</Table.Th>
            <Table.Th scope="col">{t('organisation.unit')}</Table.Th>
            <Table.Th scope="col">{t('organisation.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>{unitName(p.unitId)}</Table.Td>
              <Table.Td>{p.roles.map((r) => t(`organisation.role.${r}`)).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewPerson units={unitOptions} />
      <NewSubstitute people={personOptions} />
    </Stack>
  );
}

function HeadSelect({ unit, options }: { unit: Unit; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (headPersonId: string | null) => api('PATCH', `/api/units/${unit.id}`, { headPersonId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
  return (
    <Stack gap={2}>
      <Select aria-label={t('organisation.headOf', { unit: unit.name })} data={options} value={unit.headPersonId} onChange={(v) => save.mutate(v)} clearable searchable />
      {save.error && <Text c="red.8" size="sm" role="alert">{errorText(save.error)}</Text>}
    </Stack>
  );
}

function NewUnit({ options }: { options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api('POST', '/api/units', { name, parentId: parentId ?? undefined }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['units'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('organisation.newUnit')}>
        <Stack>
          <Title order={3} size="h5">{t('organisation.newUnit')}</Title>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('organisation.unit')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <Select label={t('organisation.parent')} data={options} value={parentId} onChange={setParentId} clearable />
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewPerson({ units }: { units: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', unitId: null as string | null, roles: ['owner'], password: '' });
  const create = useMutation({
    mutationFn: () => api('POST', '/api/people', { ...form, unitId: form.unitId ?? undefined, password: form.password || undefined }),
    onSuccess: () => {
      setForm({ name: '', email: '', unitId: null, roles: ['owner'], password: '' });
      void client.invalidateQueries({ queryKey: ['people'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
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
            <MultiSelect label={t('organisation.roles')} data={ROLES.map((r) => ({ value: r, label: t(`organisation.role.${r}`) }))} value={form.roles} onChange={(roles) => setForm({ ...form, roles })} />
            <PasswordInput label={t('organisation.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewSubstitute({ people }: { people: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ personId: null as string | null, substitutePersonId: null as string | null, startsOn: '', endsOn: '' });
  const create = useMutation({
    mutationFn: () => api('POST', `/api/people/${form.personId}/substitutes`, { substitutePersonId: form.substitutePersonId, startsOn: form.startsOn, endsOn: form.endsOn }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('organisation.newSubstitute')}>
        <Stack>
          <Title order={3} size="h5">{t('organisation.newSubstitute')}</Title>
          {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          {create.isSuccess && <Alert color="green" role="status">{t('organisation.substituteSaved')}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <Select label={t('organisation.absent')} data={people} value={form.personId} onChange={(v) => setForm({ ...form, personId: v })} searchable required />
            <Select label={t('organisation.substitute')} data={people} value={form.substitutePersonId} onChange={(v) => setForm({ ...form, substitutePersonId: v })} searchable required />
            <TextInput label={t('organisation.from')} type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} required />
            <TextInput label={t('organisation.to')} type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} required />
            <Button type="submit" loading={create.isPending}>{t('organisation.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
