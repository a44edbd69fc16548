// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go@v1.16.0 for statelint's tests: only the signatures the tests use.
package amqp091

type Table map[string]interface{}

type Connection struct{}

func Dial(url string) (*Connection, error) { return nil, nil }

func (c *Connection) Channel() (*Channel, error) { return nil, nil }

type Channel struct{}

func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return nil, nil
}

type Delivery struct {
	MessageId string
	Body      []byte
}

func (d Delivery) Ack(multiple bool) error           { return nil }
func (d Delivery) Nack(multiple, requeue bool) error { return nil }
